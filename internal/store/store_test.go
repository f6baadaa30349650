package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestSQLite runs the store's suite against SQLite, always.
func TestSQLite(t *testing.T) { testStore(t, sqliteDB) }

// TestPostgres runs the same suite against PostgreSQL when
// SAFETYPLAN_TEST_POSTGRES is set (and fails under CI=true when it is not).
func TestPostgres(t *testing.T) { testStore(t, postgresDB(postgresURL(t))) }

// testStore is the suite both backends must pass; each subtest gets a fresh
// database from newDB.
func testStore(t *testing.T, newDB newDBFunc) {
	for _, tc := range []struct {
		name string
		test func(t *testing.T, newDB newDBFunc)
	}{
		{"SaveAndRead", testSaveAndRead},
		{"Conflicts", testConflicts},
		{"ConcurrentSaves", testConcurrentSaves},
		{"EncryptedAtRest", testEncryptedAtRest},
		{"CiphertextBoundToRow", testCiphertextBoundToRow},
		{"KeyRotation", testKeyRotation},
		{"Migrations", testMigrations},
		{"Retention", testRetention},
		{"Shares", testShares},
		{"ConcurrentCodeAttempts", testConcurrentCodeAttempts},
		{"RightCodeGivesItsAttemptBack", testRightCodeGivesAttemptBack},
		{"Audit", testAudit},
		{"Report", testReport},
		{"Context", testContext},
		{"KilledMidSave", testCrash},
		{"SignAcrossReplicas", testSignAcrossReplicas},
		{"RateLimitAcrossReplicas", testRateLimitAcrossReplicas},
		{"Caseload", testCaseload},
		{"Deadline", testDeadline},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, newDB) })
	}
}

func hughesSummary() Summary {
	return Summary{
		Team: "area", FirstMeetingDue: day("2026-11-09"), FirstMeetingHeld: dayp("2026-10-06"),
		Meetings: []MeetingSummary{
			{Date: day("2026-10-06"), OutcomeDue: day("2026-10-13"), OutcomeRecorded: dayp("2026-10-09")},
			{Date: day("2026-10-30"), OutcomeDue: day("2026-11-06"), OutcomeRecorded: dayp("2026-11-05")},
		},
		ReviewDue: day("2026-11-03"), ReviewHeld: dayp("2026-10-30"),
	}
}

func testSaveAndRead(t *testing.T, newDB newDBFunc) {
	c := newClock()
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)

	third := hughesSummary()
	third.Meetings = append(third.Meetings, MeetingSummary{Date: day("2026-11-20"), OutcomeDue: day("2026-11-27")})
	saves := []struct {
		name    string
		json    string
		uploads map[string][]byte
		by      string
		summary Summary
	}{
		{"a new plan", `{"v":1,"text":"first"}`, nil, "worker-a", Summary{Team: "area", FirstMeetingDue: day("2026-11-09")}},
		{"the first review", `{"v":2}`, map[string][]byte{"rhys-drawing.png": {0x89, 'P', 'N', 'G', 0, 1, 2}, "empty.txt": {}}, "worker-b", hughesSummary()},
		{"the second review", `{"v":3,"text":"Siân, Zoë, Łukasz"}`, map[string][]byte{"rhys-drawing.png": []byte("a new drawing")}, "worker-a", third},
	}
	id := ""
	times := make([]time.Time, len(saves))
	for i, sv := range saves {
		c.Advance(time.Hour)
		times[i] = c.Now().UTC().Truncate(time.Microsecond)
		v, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: i, JSON: []byte(sv.json), Uploads: sv.uploads, By: sv.by, Summary: sv.summary})
		if err != nil {
			t.Fatalf("saving %s: %v", sv.name, err)
		}
		if i == 0 {
			id = v.PlanID
			if len(id) != 26 {
				t.Errorf("a new plan's id is %q; want 26 random base32 characters", id)
			}
		}
		want := Version{PlanID: id, Version: i + 1, SavedBy: sv.by, SavedAt: times[i]}
		if v.PlanID != want.PlanID || v.Version != want.Version || v.SavedBy != want.SavedBy || !v.SavedAt.Equal(want.SavedAt) {
			t.Errorf("saving %s returned %+v; want %+v", sv.name, v, want)
		}
	}

	for i, sv := range saves {
		t.Run("read "+sv.name, func(t *testing.T) {
			p, err := s.Plan(ctx, id, i+1)
			if err != nil {
				t.Fatal(err)
			}
			if string(p.JSON) != sv.json {
				t.Errorf("JSON = %s; want %s", p.JSON, sv.json)
			}
			if p.PlanID != id || p.Version != i+1 || p.Latest != len(saves) || p.SavedBy != sv.by || !p.SavedAt.Equal(times[i]) {
				t.Errorf("got plan %s version %d (latest %d) by %s at %v; want %s version %d (latest %d) by %s at %v",
					p.PlanID, p.Version, p.Latest, p.SavedBy, p.SavedAt, id, i+1, len(saves), sv.by, times[i])
			}
			if len(p.Uploads) != len(sv.uploads) {
				t.Errorf("got %d uploads; want %d", len(p.Uploads), len(sv.uploads))
			}
			for name, data := range sv.uploads {
				if got, ok := p.Uploads[name]; !ok || !bytes.Equal(got, data) {
					t.Errorf("upload %s = %q (present %v); want %q", name, got, ok, data)
				}
			}
			if !reflect.DeepEqual(p.Summary, sv.summary) {
				t.Errorf("summary = %+v\nwant %+v", p.Summary, sv.summary)
			}
		})
	}

	t.Run("version 0 is the latest", func(t *testing.T) {
		p, err := s.Plan(ctx, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		if p.Version != 3 || string(p.JSON) != saves[2].json {
			t.Errorf("got version %d %s; want version 3 %s", p.Version, p.JSON, saves[2].json)
		}
	})

	for _, tc := range []struct {
		name    string
		id      string
		version int
		want    error
	}{
		{"a version not saved yet", id, 4, ErrNotFound},
		{"an unknown plan", "no-such-plan", 0, ErrNotFound},
		{"a negative version", id, -1, ErrInvalid},
	} {
		t.Run("read "+tc.name, func(t *testing.T) {
			if _, err := s.Plan(ctx, tc.id, tc.version); !errors.Is(err, tc.want) {
				t.Errorf("Plan(%q, %d) = %v; want %v", tc.id, tc.version, err, tc.want)
			}
		})
	}

	t.Run("versions", func(t *testing.T) {
		vs, err := s.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != len(saves) {
			t.Fatalf("got %d versions; want %d", len(vs), len(saves))
		}
		for i, v := range vs {
			if v.PlanID != id || v.Version != i+1 || v.SavedBy != saves[i].by || !v.SavedAt.Equal(times[i]) {
				t.Errorf("version %d = %+v; want version %d by %s at %v", i+1, v, i+1, saves[i].by, times[i])
			}
		}
		if _, err := s.Versions(ctx, "no-such-plan"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Versions of an unknown plan: %v; want ErrNotFound", err)
		}
	})

	t.Run("each save is audited", func(t *testing.T) {
		log, err := s.AuditLog(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range log {
			got = append(got, fmt.Sprintf("%s v%d by %s at %s", e.Action, e.Version, e.By, e.At.Format(time.RFC3339Nano)))
		}
		var want []string
		for i, sv := range saves {
			want = append(want, fmt.Sprintf("save v%d by %s at %s", i+1, sv.by, times[i].Format(time.RFC3339Nano)))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

func testConflicts(t *testing.T, newDB newDBFunc) {
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), newClock())
	ctx := ctxT(t)
	const id = "plan-1"
	ok := func(req SavePlan) SavePlan {
		if req.JSON == nil {
			req.JSON = []byte(`{}`)
		}
		if req.By == "" {
			req.By = "worker-a"
		}
		if req.Summary.Team == "" {
			req.Summary.Team = "area"
		}
		return req
	}
	for base := 0; base < 2; base++ {
		if _, err := s.SavePlan(ctx, ok(SavePlan{PlanID: id, BaseVersion: base})); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		name         string
		req          SavePlan
		wantVersion  int
		wantConflict *ConflictError
		wantErr      error
	}{
		{name: "a stale base version", req: ok(SavePlan{PlanID: id, BaseVersion: 1}), wantConflict: &ConflictError{PlanID: id, Base: 1, Current: 2}},
		{name: "a base version from the future", req: ok(SavePlan{PlanID: id, BaseVersion: 7}), wantConflict: &ConflictError{PlanID: id, Base: 7, Current: 2}},
		{name: "a new plan with a taken id", req: ok(SavePlan{PlanID: id}), wantConflict: &ConflictError{PlanID: id, Base: 0, Current: 2}},
		{name: "an unknown plan", req: ok(SavePlan{PlanID: "no-such-plan", BaseVersion: 1}), wantErr: ErrNotFound},
		{name: "a new plan with its own id", req: ok(SavePlan{PlanID: "chosen_id-7"}), wantVersion: 1},
		{name: "the latest base version", req: ok(SavePlan{PlanID: id, BaseVersion: 2}), wantVersion: 3},
		{name: "no JSON", req: SavePlan{PlanID: id, BaseVersion: 3, By: "w", Summary: Summary{Team: "area"}}, wantErr: ErrInvalid},
		{name: "not JSON", req: ok(SavePlan{PlanID: id, BaseVersion: 3, JSON: []byte(`{"a":`)}), wantErr: ErrInvalid},
		{name: "nobody saving", req: SavePlan{PlanID: id, BaseVersion: 3, JSON: []byte(`{}`), Summary: Summary{Team: "area"}}, wantErr: ErrInvalid},
		{name: "no summary team", req: SavePlan{PlanID: id, BaseVersion: 3, JSON: []byte(`{}`), By: "w"}, wantErr: ErrInvalid},
		{name: "a summary meeting without a date", req: ok(SavePlan{PlanID: id, BaseVersion: 3, Summary: Summary{Team: "area", Meetings: []MeetingSummary{{}}}}), wantErr: ErrInvalid},
		{name: "an id with a slash", req: ok(SavePlan{PlanID: "a/b"}), wantErr: ErrInvalid},
		{name: "a new plan with a base version", req: ok(SavePlan{BaseVersion: 1}), wantErr: ErrInvalid},
		{name: "a negative base version", req: ok(SavePlan{PlanID: id, BaseVersion: -1}), wantErr: ErrInvalid},
		{name: "an upload without a name", req: ok(SavePlan{PlanID: id, BaseVersion: 3, Uploads: map[string][]byte{"": {1}}}), wantErr: ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := s.SavePlan(ctx, tc.req)
			switch {
			case tc.wantConflict != nil:
				var ce *ConflictError
				if !errors.As(err, &ce) {
					t.Fatalf("got %v, %v; want a *ConflictError", v, err)
				}
				if *ce != *tc.wantConflict {
					t.Errorf("got %+v; want %+v", *ce, *tc.wantConflict)
				}
				if !errors.Is(err, ErrConflict) {
					t.Errorf("errors.Is(%v, ErrConflict) is false", err)
				}
			case tc.wantErr != nil:
				if !errors.Is(err, tc.wantErr) {
					t.Errorf("got %v, %v; want %v", v, err, tc.wantErr)
				}
			default:
				if err != nil || v.Version != tc.wantVersion {
					t.Errorf("got %+v, %v; want version %d", v, err, tc.wantVersion)
				}
			}
		})
	}

	vs, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 3 {
		t.Errorf("plan %s has %d versions; want 3 (refused saves must write nothing)", id, len(vs))
	}
	if n := count(t, s, "audit_log", "plan_id = $1 AND action = 'save'", id); n != 3 {
		t.Errorf("%d save events for %s; want 3", n, id)
	}
}

func testConcurrentSaves(t *testing.T, newDB newDBFunc) {
	t.Run("the same base version", func(t *testing.T) {
		s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), nil)
		ctx := ctxT(t)
		v1, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{"n":0}`), By: "w", Summary: Summary{Team: "area"}})
		if err != nil {
			t.Fatal(err)
		}
		const n = 8
		start := make(chan struct{})
		errs := make([]error, n)
		vers := make([]Version, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				vers[i], errs[i] = s.SavePlan(ctx, SavePlan{PlanID: v1.PlanID, BaseVersion: 1,
					JSON: []byte(fmt.Sprintf(`{"writer":%d}`, i)), By: fmt.Sprint("w", i), Summary: Summary{Team: "area"}})
			}()
		}
		close(start)
		wg.Wait()
		won := -1
		for i, err := range errs {
			var ce *ConflictError
			switch {
			case err == nil:
				if won >= 0 {
					t.Errorf("writers %d and %d both saved version %d and %d from version 1", won, i, vers[won].Version, vers[i].Version)
				}
				won = i
				if vers[i].Version != 2 {
					t.Errorf("the winner saved version %d; want 2", vers[i].Version)
				}
			case errors.As(err, &ce):
				if ce.Current != 2 || ce.Base != 1 {
					t.Errorf("writer %d: %+v; want Base 1, Current 2", i, *ce)
				}
			default:
				t.Errorf("writer %d: %v; want success or a conflict", i, err)
			}
		}
		if won < 0 {
			t.Fatal("no writer saved")
		}
		p, err := s.Plan(ctx, v1.PlanID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf(`{"writer":%d}`, won); p.Version != 2 || string(p.JSON) != want {
			t.Errorf("latest is version %d %s; want version 2 %s", p.Version, p.JSON, want)
		}
	})

	t.Run("writers retrying until saved lose nothing", func(t *testing.T) {
		s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), nil)
		ctx := ctxT(t)
		v1, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{"writer":-1,"n":0}`), By: "w", Summary: Summary{Team: "area"}})
		if err != nil {
			t.Fatal(err)
		}
		const writers, each = 4, 5
		var wg sync.WaitGroup
		conflicts := make([]int, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range each {
					for {
						p, err := s.Plan(ctx, v1.PlanID, 0)
						if err != nil {
							t.Errorf("writer %d: %v", w, err)
							return
						}
						_, err = s.SavePlan(ctx, SavePlan{PlanID: v1.PlanID, BaseVersion: p.Version,
							JSON: []byte(fmt.Sprintf(`{"writer":%d,"n":%d}`, w, n)), By: fmt.Sprint("w", w), Summary: Summary{Team: "area"}})
						if errors.Is(err, ErrConflict) {
							conflicts[w]++
							continue
						}
						if err != nil {
							t.Errorf("writer %d: %v", w, err)
							return
						}
						break
					}
				}
			}()
		}
		wg.Wait()
		vs, err := s.Versions(ctx, v1.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1+writers*each {
			t.Fatalf("%d versions; want %d", len(vs), 1+writers*each)
		}
		seen := map[string]int{}
		for i, v := range vs {
			if v.Version != i+1 {
				t.Errorf("version %d is numbered %d", i+1, v.Version)
			}
			p, err := s.Plan(ctx, v1.PlanID, v.Version)
			if err != nil {
				t.Fatal(err)
			}
			seen[string(p.JSON)]++
		}
		for w := range writers {
			for n := range each {
				if k := fmt.Sprintf(`{"writer":%d,"n":%d}`, w, n); seen[k] != 1 {
					t.Errorf("%s is in %d versions; want exactly 1", k, seen[k])
				}
			}
		}
		t.Logf("conflicts retried per writer: %v", conflicts)
	})
}

// dumpTables returns every value of every row of every table, as bytes.
func dumpTables(t *testing.T, s *sqlStore) map[string][][]byte {
	t.Helper()
	out := map[string][][]byte{}
	for _, table := range []string{"schema_migrations", "plans", "plan_versions", "version_meetings", "uploads", "shares", "audit_log"} {
		rows, err := s.db.Query("SELECT * FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				var b []byte
				switch v := v.(type) {
				case []byte:
					b = v
				case string:
					b = []byte(v)
				default:
					b = []byte(fmt.Sprint(v))
				}
				out[table] = append(out[table], b)
			}
		}
		rows.Close()
	}
	return out
}

func testEncryptedAtRest(t *testing.T, newDB newDBFunc) {
	url := newDB(t)
	s := openStore(t, url, ring(t, testKey(t, "k1")), newClock())
	ctx := ctxT(t)
	secrets := map[string]string{
		"plan text":    "Nana Jean collects Kayden from school 7f3a",
		"upload name":  "rhys-drawing-91b2.png",
		"upload bytes": "UPLOAD BYTES c4d1 Rhys's drawing",
		"share person": "nana-jean-e5a0",
	}
	js := planJSON(secrets["plan text"])
	v, err := s.SavePlan(ctx, SavePlan{JSON: js, By: "worker-a", Summary: hughesSummary(),
		Uploads: map[string][]byte{secrets["upload name"]: []byte(secrets["upload bytes"])}})
	if err != nil {
		t.Fatal(err)
	}
	v2, err := s.SavePlan(ctx, SavePlan{PlanID: v.PlanID, BaseVersion: 1, JSON: js, By: "worker-a", Summary: hughesSummary()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateShare(ctx, NewShare{PlanID: v.PlanID, Version: 1, Document: DocumentAdultPlan, Person: secrets["share person"],
		By: "worker-a", Expires: s.now().Add(24 * time.Hour), TokenHash: bytes.Repeat([]byte{1}, 32), CodeHash: []byte("code")}); err != nil {
		t.Fatal(err)
	}

	// The values read back as saved...
	p, err := s.Plan(ctx, v.PlanID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.JSON, js) || string(p.Uploads[secrets["upload name"]]) != secrets["upload bytes"] {
		t.Fatalf("read back %s and %v", p.JSON, p.Uploads)
	}

	// ...but appear nowhere in the database in clear.
	dump := dumpTables(t, s)
	for what, secret := range secrets {
		for table, vals := range dump {
			for _, val := range vals {
				if bytes.Contains(val, []byte(secret)) {
					t.Errorf("the %s (%q) is in table %s in clear", what, secret, table)
				}
			}
		}
	}
	if strings.HasPrefix(url, "sqlite:") {
		path := strings.TrimPrefix(url, "sqlite:")
		if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{path, path + "-wal"} {
			b, err := os.ReadFile(f)
			if err != nil {
				if os.IsNotExist(err) {
					continue
				}
				t.Fatal(err)
			}
			for what, secret := range secrets {
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("the %s (%q) is in the file %s in clear", what, secret, f)
				}
			}
		}
	}

	// Each value is under the current key with its own nonce: the same
	// plan saved twice gives two different ciphertexts.
	rows, err := s.query(ctx, s.db, "SELECT key_id, ciphertext FROM plan_versions WHERE plan_id = $1 ORDER BY version", v.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	var cts [][]byte
	for rows.Next() {
		var k string
		var ct []byte
		if err := rows.Scan(&k, &ct); err != nil {
			t.Fatal(err)
		}
		if k != "k1" {
			t.Errorf("key id %q; want k1", k)
		}
		if len(ct) != nonceSize+len(js)+16 {
			t.Errorf("ciphertext is %d bytes; want nonce (12) + plan (%d) + tag (16)", len(ct), len(js))
		}
		cts = append(cts, ct)
	}
	rows.Close()
	if len(cts) != 2 || bytes.Equal(cts[0], cts[1]) || bytes.Equal(cts[0][:nonceSize], cts[1][:nonceSize]) {
		t.Errorf("versions 1 and %d of the same plan have the same ciphertext or nonce", v2.Version)
	}
}

func testCiphertextBoundToRow(t *testing.T, newDB newDBFunc) {
	type fixture struct {
		s      *sqlStore
		a, b   string // plan ids, each with versions 1 and 2, one upload each
		sa, sb Share
	}
	setup := func(t *testing.T) fixture {
		s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), newClock())
		ctx := ctxT(t)
		f := fixture{s: s}
		for i, id := range []*string{&f.a, &f.b} {
			for v := 0; v < 2; v++ {
				saved, err := s.SavePlan(ctx, SavePlan{PlanID: *id, BaseVersion: v, JSON: []byte(fmt.Sprintf(`{"plan":%d,"v":%d}`, i, v+1)),
					By: "w", Summary: Summary{Team: "area"}, Uploads: map[string][]byte{"a.png": []byte(fmt.Sprintf("plan %d v%d", i, v+1))}})
				if err != nil {
					t.Fatal(err)
				}
				*id = saved.PlanID
			}
			sh, err := s.CreateShare(ctx, NewShare{PlanID: *id, Version: 1, Document: DocumentAdultPlan, Person: fmt.Sprint("person", i),
				By: "w", Expires: s.now().Add(time.Hour), TokenHash: bytes.Repeat([]byte{byte(i + 1)}, 32), CodeHash: []byte("c")})
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				f.sa = sh
			} else {
				f.sb = sh
			}
		}
		return f
	}
	// move copies a ciphertext from one row to another with raw SQL.
	move := func(t *testing.T, s *sqlStore, table, keyCol, ctCol, fromWhere, toWhere string, fromArgs, toArgs []any) {
		t.Helper()
		var k string
		var ct []byte
		if err := s.queryRow(context.Background(), s.db, fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s", keyCol, ctCol, table, fromWhere), fromArgs...).Scan(&k, &ct); err != nil {
			t.Fatal(err)
		}
		args := append([]any{k, ct}, toArgs...)
		res, err := s.exec(context.Background(), s.db, fmt.Sprintf("UPDATE %s SET %s = $1, %s = $2 WHERE %s", table, keyCol, ctCol, toWhere), args...)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			t.Fatalf("moved the ciphertext into %d rows", n)
		}
	}
	for _, tc := range []struct {
		name   string
		tamper func(t *testing.T, f fixture)
		read   func(f fixture) error
	}{
		{"a plan's ciphertext moved to another plan", func(t *testing.T, f fixture) {
			move(t, f.s, "plan_versions", "key_id", "ciphertext", "plan_id = $1 AND version = 1", "plan_id = $3 AND version = 1", []any{f.b}, []any{f.a})
		}, func(f fixture) error { _, err := f.s.Plan(context.Background(), f.a, 1); return err }},
		{"a plan's ciphertext moved to another version", func(t *testing.T, f fixture) {
			move(t, f.s, "plan_versions", "key_id", "ciphertext", "plan_id = $1 AND version = 2", "plan_id = $3 AND version = 1", []any{f.a}, []any{f.a})
		}, func(f fixture) error { _, err := f.s.Plan(context.Background(), f.a, 1); return err }},
		{"an upload moved to another version", func(t *testing.T, f fixture) {
			move(t, f.s, "uploads", "key_id", "ciphertext", "plan_id = $1 AND version = 2", "plan_id = $3 AND version = 1", []any{f.a}, []any{f.a})
		}, func(f fixture) error { _, err := f.s.Plan(context.Background(), f.a, 1); return err }},
		{"a plan's ciphertext moved into an upload", func(t *testing.T, f fixture) {
			var ct []byte
			if err := f.s.queryRow(context.Background(), f.s.db, "SELECT ciphertext FROM plan_versions WHERE plan_id = $1 AND version = 1", f.a).Scan(&ct); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.exec(context.Background(), f.s.db, "UPDATE uploads SET ciphertext = $1 WHERE plan_id = $2 AND version = 1", ct, f.a); err != nil {
				t.Fatal(err)
			}
		}, func(f fixture) error { _, err := f.s.Plan(context.Background(), f.a, 1); return err }},
		{"a share's person moved to another share", func(t *testing.T, f fixture) {
			move(t, f.s, "shares", "person_key_id", "person_ciphertext", "id = $1", "id = $3", []any{f.sb.ID}, []any{f.sa.ID})
		}, func(f fixture) error {
			_, err := f.s.ShareByTokenHash(context.Background(), bytes.Repeat([]byte{1}, 32))
			return err
		}},
		{"a flipped bit", func(t *testing.T, f fixture) {
			var ct []byte
			if err := f.s.queryRow(context.Background(), f.s.db, "SELECT ciphertext FROM plan_versions WHERE plan_id = $1 AND version = 2", f.b).Scan(&ct); err != nil {
				t.Fatal(err)
			}
			ct[len(ct)/2] ^= 1
			if _, err := f.s.exec(context.Background(), f.s.db, "UPDATE plan_versions SET ciphertext = $1 WHERE plan_id = $2 AND version = 2", ct, f.b); err != nil {
				t.Fatal(err)
			}
		}, func(f fixture) error { _, err := f.s.Plan(context.Background(), f.b, 2); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := setup(t)
			if err := tc.read(f); err != nil {
				t.Fatalf("before tampering: %v", err)
			}
			tc.tamper(t, f)
			if err := tc.read(f); !errors.Is(err, ErrDecrypt) {
				t.Errorf("after tampering: %v; want ErrDecrypt", err)
			}
		})
	}
}

func testKeyRotation(t *testing.T, newDB newDBFunc) {
	url := newDB(t)
	ctx := ctxT(t)
	k1, k2, k3 := testKey(t, "k1"), testKey(t, "k2"), testKey(t, "k3")
	token := bytes.Repeat([]byte{7}, 32)

	s1 := openStore(t, url, ring(t, k1), newClock())
	// More uploads than one re-encryption batch holds.
	uploads := map[string][]byte{}
	for i := range 7 {
		uploads[fmt.Sprintf("%d.png", i)] = []byte(fmt.Sprint("picture ", i))
	}
	v1, err := s1.SavePlan(ctx, SavePlan{JSON: []byte(`{"v":1}`), By: "w", Summary: Summary{Team: "area"}, Uploads: uploads})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s1.CreateShare(ctx, NewShare{PlanID: v1.PlanID, Version: 1, Document: DocumentWordsAndPictures, Person: "nana",
		By: "w", Expires: s1.now().Add(time.Hour), TokenHash: token, CodeHash: []byte("c")}); err != nil {
		t.Fatal(err)
	}
	s1.Close()

	// A new current key: old values still read, new ones use it.
	s2 := openStore(t, url, ring(t, k2, k1), newClock())
	if _, err := s2.SavePlan(ctx, SavePlan{PlanID: v1.PlanID, BaseVersion: 1, JSON: []byte(`{"v":2}`), By: "w", Summary: Summary{Team: "area"},
		Uploads: map[string][]byte{"b.png": []byte("B")}}); err != nil {
		t.Fatal(err)
	}
	checkAll := func(t *testing.T, s *sqlStore) {
		t.Helper()
		for v, want := range map[int]string{1: `{"v":1}`, 2: `{"v":2}`} {
			p, err := s.Plan(ctx, v1.PlanID, v)
			if err != nil {
				t.Fatalf("version %d: %v", v, err)
			}
			wantUploads := uploads
			if v == 2 {
				wantUploads = map[string][]byte{"b.png": []byte("B")}
			}
			if string(p.JSON) != want || !reflect.DeepEqual(p.Uploads, wantUploads) {
				t.Errorf("version %d: %s with uploads %q; want %s with %q", v, p.JSON, p.Uploads, want, wantUploads)
			}
		}
		sh, err := s.ShareByTokenHash(ctx, token)
		if err != nil || sh.Person != "nana" {
			t.Errorf("share: %+v, %v; want nana's", sh, err)
		}
	}
	checkAll(t, s2)

	steps := []struct {
		name      string
		do        func() (int, error)
		wantN     int
		wantInUse map[string]int
	}{
		{"before re-encrypting", nil, 0, map[string]int{"k1": 9, "k2": 2}},
		{"re-encrypting", func() (int, error) { return s2.Reencrypt(ctx) }, 9, map[string]int{"k2": 11}},
		{"re-encrypting again", func() (int, error) { return s2.Reencrypt(ctx) }, 0, map[string]int{"k2": 11}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.do != nil {
				n, err := st.do()
				if err != nil || n != st.wantN {
					t.Errorf("Reencrypt = %d, %v; want %d", n, err, st.wantN)
				}
			}
			got, err := s2.KeysInUse(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, st.wantInUse) {
				t.Errorf("KeysInUse = %v; want %v", got, st.wantInUse)
			}
			checkAll(t, s2)
		})
	}
	s2.Close()

	for _, tc := range []struct {
		name    string
		keys    Keyring
		wantErr string
	}{
		{"the new key alone", ring(t, k2), ""},
		{"the old key alone", ring(t, k1), "k2"},
		{"an unrelated key", ring(t, k3, k1), "k2"},
	} {
		t.Run("reopening with "+tc.name, func(t *testing.T) {
			s, err := open(ctx, url, tc.keys, Options{})
			if tc.wantErr != "" {
				if err == nil {
					s.Close()
					t.Fatalf("Open succeeded; want an error naming key %s", tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), KeysEnv) {
					t.Errorf("error %q does not name key %s and %s", err, tc.wantErr, KeysEnv)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			checkAll(t, s)
		})
	}
}

func testMigrations(t *testing.T, newDB newDBFunc) {
	ctx := ctxT(t)
	keys := ring(t, testKey(t, "k1"))
	versions := func(t *testing.T, s *sqlStore) []int {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY version")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var vs []int
		for rows.Next() {
			var v int
			rows.Scan(&v)
			vs = append(vs, v)
		}
		return vs
	}
	all := []int{1, 2, 3, 4}

	t.Run("from an empty database", func(t *testing.T) {
		s := openStore(t, newDB(t), keys, nil)
		if got := versions(t, s); !reflect.DeepEqual(got, all) {
			t.Errorf("schema versions %v; want %v", got, all)
		}
		if n := count(t, s, "audit_log", ""); n != 0 {
			t.Errorf("%d audit entries in a new database", n)
		}
	})

	t.Run("from version 1 with data", func(t *testing.T) {
		url := newDB(t)
		db, d := rawDB(t, url)
		if err := migrate(ctx, db, d, 1); err != nil {
			t.Fatal(err)
		}
		old := &sqlStore{db: db, d: d, keys: keys}
		if _, err := old.exec(ctx, db, "SELECT COUNT(*) FROM audit_log"); err == nil {
			t.Fatal("a version 1 database already has audit_log")
		}
		// Data as version 1 stored it.
		js := []byte(`{"legacy":true}`)
		k, ct, _ := keys.seal(js, planAAD("legacy", 1))
		uk, uct, _ := keys.seal(encodeUpload("old.png", []byte("OLD")), uploadAAD("legacy", 1, 0))
		pk, pct, _ := keys.seal([]byte("nana"), shareAAD("share1"))
		at := toMicros(time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC))
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{"INSERT INTO plans (id, created_at, touched_at, latest_version) VALUES ($1, $2, $2, 1)", []any{"legacy", at}},
			{`INSERT INTO plan_versions (plan_id, version, saved_by, saved_at, key_id, ciphertext, team, first_meeting_due, first_meeting_held, rationale_recorded)
VALUES ('legacy', 1, 'worker-z', $1, $2, $3, 'dcs', '2026-01-05', '2025-12-01', 0)`, []any{at, k, ct}},
			{"INSERT INTO version_meetings (plan_id, version, seq, meeting_date, outcome_due, outcome_recorded) VALUES ('legacy', 1, 0, '2025-12-01', '2025-12-08', '2025-12-05')", nil},
			{"INSERT INTO uploads (plan_id, version, seq, key_id, ciphertext) VALUES ('legacy', 1, 0, $1, $2)", []any{uk, uct}},
			{`INSERT INTO shares (id, plan_id, version, document, person_key_id, person_ciphertext, created_by, created_at, expires_at, token_hash, code_hash)
VALUES ('share1', 'legacy', 1, 'adult-plan', $1, $2, 'worker-z', $3, $4, $5, $6)`, []any{pk, pct, at, at + 3600e6, bytes.Repeat([]byte{9}, 32), []byte("c")}},
		} {
			if _, err := old.exec(ctx, db, q.sql, q.args...); err != nil {
				t.Fatalf("%s: %v", q.sql, err)
			}
		}
		db.Close()

		s := openStore(t, url, keys, newClock())
		if got := versions(t, s); !reflect.DeepEqual(got, all) {
			t.Errorf("schema versions %v; want %v", got, all)
		}
		p, err := s.Plan(ctx, "legacy", 0)
		if err != nil {
			t.Fatal(err)
		}
		want := Summary{Team: "dcs", FirstMeetingDue: day("2026-01-05"), FirstMeetingHeld: dayp("2025-12-01"),
			Meetings: []MeetingSummary{{Date: day("2025-12-01"), OutcomeDue: day("2025-12-08"), OutcomeRecorded: dayp("2025-12-05")}}}
		if !bytes.Equal(p.JSON, js) || string(p.Uploads["old.png"]) != "OLD" || p.SavedBy != "worker-z" || !reflect.DeepEqual(p.Summary, want) {
			t.Errorf("after migrating: %s %v by %s %+v", p.JSON, p.Uploads, p.SavedBy, p.Summary)
		}
		sh, err := s.ShareByTokenHash(ctx, bytes.Repeat([]byte{9}, 32))
		if err != nil || sh.Person != "nana" || sh.ID != "share1" {
			t.Errorf("the old share: %+v, %v", sh, err)
		}
		if _, err := s.SavePlan(ctx, SavePlan{PlanID: "legacy", BaseVersion: 1, JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "dcs"}}); err != nil {
			t.Fatal(err)
		}
		if log, err := s.AuditLog(ctx, "legacy"); err != nil || len(log) != 1 || log[0].Action != ActionSave {
			t.Errorf("audit log after migrating and saving: %+v, %v", log, err)
		}
	})

	t.Run("reopening changes nothing", func(t *testing.T) {
		url := newDB(t)
		openStore(t, url, keys, nil).Close()
		s := openStore(t, url, keys, nil)
		if got := versions(t, s); !reflect.DeepEqual(got, all) {
			t.Errorf("schema versions %v; want %v", got, all)
		}
	})

	t.Run("from version 2, the audit log kept whole and append-only", func(t *testing.T) {
		url := newDB(t)
		db, d := rawDB(t, url)
		if err := migrate(ctx, db, d, 2); err != nil {
			t.Fatal(err)
		}
		old := &sqlStore{db: db, d: d, keys: keys}
		for i, a := range []Action{ActionSave, ActionShare, ActionFailedCode} {
			if err := old.record(ctx, db, Event{PlanID: "p", Version: 1, Action: a, By: "w", At: time.Unix(int64(i), 0)}); err != nil {
				t.Fatal(err)
			}
		}
		if err := old.record(ctx, db, Event{PlanID: "p", Action: ActionRead, By: "w"}); err == nil {
			t.Error("a version 2 database took a read event")
		}
		db.Close()
		s := openStore(t, url, keys, newClock())
		if err := s.Record(ctx, Event{PlanID: "p", Version: 1, Action: ActionRead, By: "w"}); err != nil {
			t.Fatalf("recording a read after migrating: %v", err)
		}
		log, err := s.AuditLog(ctx, "p")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, e := range log {
			if i < 3 {
				got = append(got, fmt.Sprintf("%d %s", e.ID, e.Action))
			} else {
				got = append(got, fmt.Sprintf("later %s", e.Action)) // PostgreSQL spent an id on the refused insert
			}
		}
		if want := []string{"1 save", "2 share", "3 failed_code", "later read"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit log after migrating: %q; want %q", got, want)
		}
		for _, q := range []string{"UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"} {
			if _, err := s.exec(ctx, s.db, q); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s after migrating: %v; want refused as append-only", q, err)
			}
		}
	})

	t.Run("a newer database is refused", func(t *testing.T) {
		url := newDB(t)
		s := openStore(t, url, keys, nil)
		if _, err := s.exec(ctx, s.db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'future', 0)", len(all)+1); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if s, err := open(ctx, url, keys, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open = %v; want an error saying the database is newer", err)
		}
	})

	t.Run("replicas starting together", func(t *testing.T) {
		url := newDB(t)
		const n = 4
		errs := make([]error, n)
		stores := make([]*sqlStore, n)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				stores[i], errs[i] = open(ctx, url, keys, Options{})
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("replica %d: %v", i, err)
				continue
			}
			defer stores[i].Close()
		}
		if errs[0] == nil {
			if got := versions(t, stores[0]); !reflect.DeepEqual(got, all) {
				t.Errorf("schema versions %v; want %v", got, all)
			}
		}
	})
}

func testRetention(t *testing.T, newDB newDBFunc) {
	c := newClock()
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)
	t0 := s.now()
	const dayLen = 24 * time.Hour

	save := func(id string, base int) string {
		t.Helper()
		v, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: base, JSON: []byte(`{}`), By: "w", Summary: hughesSummary(),
			Uploads: map[string][]byte{"a.png": {1}}})
		if err != nil {
			t.Fatal(err)
		}
		return v.PlanID
	}
	share := func(id string, tok byte) {
		t.Helper()
		if _, err := s.CreateShare(ctx, NewShare{PlanID: id, Document: DocumentAdultPlan, Person: "nana", By: "w",
			Expires: s.now().Add(80 * dayLen), TokenHash: bytes.Repeat([]byte{tok}, 32), CodeHash: []byte("c")}); err != nil {
			t.Fatal(err)
		}
	}
	old := save("", 0) // t0
	share(old, 1)
	resaved := save("", 0) // t0, saved again at t0+15d
	c.Advance(10 * dayLen)
	mid := save("", 0) // t0+10d
	share(mid, 2)
	c.Advance(5 * dayLen)
	save(resaved, 1) // t0+15d
	c.Advance(5 * dayLen)
	recent := save("", 0) // t0+20d

	gone := func(t *testing.T, id string) {
		t.Helper()
		for _, table := range []string{"plans", "plan_versions", "version_meetings", "uploads", "shares"} {
			col := "plan_id"
			if table == "plans" {
				col = "id"
			}
			if n := count(t, s, table, col+" = $1", id); n != 0 {
				t.Errorf("%d rows of deleted plan %s left in %s", n, id, table)
			}
		}
		if _, err := s.Plan(ctx, id, 0); !errors.Is(err, ErrNotFound) {
			t.Errorf("Plan of a deleted plan: %v; want ErrNotFound", err)
		}
		if _, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: 1, JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "area"}}); !errors.Is(err, ErrNotFound) {
			t.Errorf("saving a deleted plan: %v; want ErrNotFound", err)
		}
	}
	lastEvent := func(t *testing.T, id string) Event {
		t.Helper()
		log, err := s.AuditLog(ctx, id)
		if err != nil || len(log) == 0 {
			t.Fatalf("audit log of %s: %v, %v", id, log, err)
		}
		return log[len(log)-1]
	}

	for _, tc := range []struct {
		name     string
		cutoff   time.Time
		wantN    int
		wantGone []string
		wantKept []string
	}{
		{"nothing older than the oldest", t0, 0, nil, []string{old, resaved, mid, recent}},
		{"plans last saved before day 5", t0.Add(5 * dayLen), 1, []string{old}, []string{resaved, mid, recent}},
		{"a plan saved again since survives", t0.Add(12 * dayLen), 1, []string{mid}, []string{resaved, recent}},
		{"the cutoff itself is kept", t0.Add(20 * dayLen), 1, []string{resaved}, []string{recent}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := s.DeleteUntouchedSince(ctx, tc.cutoff)
			if err != nil || n != tc.wantN {
				t.Errorf("DeleteUntouchedSince = %d, %v; want %d", n, err, tc.wantN)
			}
			for _, id := range tc.wantGone {
				gone(t, id)
				if e := lastEvent(t, id); e.Action != ActionDelete || e.By != RetentionActor {
					t.Errorf("last audit event of %s: %+v; want a delete by %s", id, e, RetentionActor)
				}
			}
			for _, id := range tc.wantKept {
				if _, err := s.Plan(ctx, id, 0); err != nil {
					t.Errorf("plan %s: %v; want it kept", id, err)
				}
			}
		})
	}

	t.Run("the audit log outlives the plan", func(t *testing.T) {
		log, err := s.AuditLog(ctx, old)
		if err != nil {
			t.Fatal(err)
		}
		var got []Action
		for _, e := range log {
			got = append(got, e.Action)
		}
		if want := []Action{ActionSave, ActionShare, ActionDelete}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit of a deleted plan: %v; want %v", got, want)
		}
		if _, err := s.ShareByTokenHash(ctx, bytes.Repeat([]byte{1}, 32)); !errors.Is(err, ErrNotFound) {
			t.Errorf("the deleted plan's share: %v; want ErrNotFound", err)
		}
	})

	for _, tc := range []struct {
		name string
		id   string
		by   string
		want error
	}{
		{"deleting a plan now", recent, "worker-a", nil},
		{"deleting it again", recent, "worker-a", ErrNotFound},
		{"deleting an unknown plan", "no-such-plan", "worker-a", ErrNotFound},
		{"deleting without saying who", recent, "", ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.DeletePlan(ctx, tc.id, tc.by)
			if !errors.Is(err, tc.want) {
				t.Fatalf("DeletePlan = %v; want %v", err, tc.want)
			}
			if tc.want == nil {
				gone(t, tc.id)
				if e := lastEvent(t, tc.id); e.Action != ActionDelete || e.By != tc.by {
					t.Errorf("last audit event: %+v; want a delete by %s", e, tc.by)
				}
			}
		})
	}
	if n := count(t, s, "plans", ""); n != 0 {
		t.Errorf("%d plans left; want none", n)
	}
}

func testShares(t *testing.T, newDB newDBFunc) {
	c := newClock()
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)
	var id string
	for base := 0; base < 2; base++ {
		v, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: base, JSON: []byte(`{}`), By: "worker-a", Summary: Summary{Team: "area"}})
		if err != nil {
			t.Fatal(err)
		}
		id = v.PlanID
	}
	now := s.now()
	tok := func(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }
	valid := func(mod func(*NewShare)) NewShare {
		r := NewShare{PlanID: id, Version: 1, Document: DocumentAdultPlan, Person: "nana", By: "worker-a",
			Expires: now.Add(30 * 24 * time.Hour), TokenHash: tok(0xA1), CodeHash: []byte("code-hash-123456")}
		if mod != nil {
			mod(&r)
		}
		return r
	}

	var nana, mia Share
	for _, tc := range []struct {
		name        string
		req         NewShare
		want        error
		wantVersion int
		keep        *Share
	}{
		{name: "Nana's copy of version 1", req: valid(nil), wantVersion: 1, keep: &nana},
		{name: "the child's plan of the latest version", req: valid(func(r *NewShare) {
			r.Version, r.Document, r.Person, r.TokenHash = 0, DocumentWordsAndPictures, "mia", tok(0xB2)
		}), wantVersion: 2, keep: &mia},
		{name: "the same token again", req: valid(nil), want: ErrInvalid},
		{name: "an unknown document", req: valid(func(r *NewShare) { r.Document, r.TokenHash = "outcome-form", tok(3) }), want: ErrInvalid},
		{name: "nobody", req: valid(func(r *NewShare) { r.Person, r.TokenHash = "", tok(3) }), want: ErrInvalid},
		{name: "no worker", req: valid(func(r *NewShare) { r.By, r.TokenHash = "", tok(3) }), want: ErrInvalid},
		{name: "expiring now", req: valid(func(r *NewShare) { r.Expires, r.TokenHash = now, tok(3) }), want: ErrInvalid},
		{name: "expired", req: valid(func(r *NewShare) { r.Expires, r.TokenHash = now.Add(-time.Hour), tok(3) }), want: ErrInvalid},
		{name: "for 91 days", req: valid(func(r *NewShare) { r.Expires, r.TokenHash = now.Add(91*24*time.Hour), tok(3) }), want: ErrInvalid},
		{name: "a short token hash", req: valid(func(r *NewShare) { r.TokenHash = []byte("short") }), want: ErrInvalid},
		{name: "no code hash", req: valid(func(r *NewShare) { r.CodeHash, r.TokenHash = nil, tok(3) }), want: ErrInvalid},
		{name: "an unknown plan", req: valid(func(r *NewShare) { r.PlanID, r.TokenHash = "no-such-plan", tok(3) }), want: ErrNotFound},
		{name: "a version not saved yet", req: valid(func(r *NewShare) { r.Version, r.TokenHash = 3, tok(3) }), want: ErrNotFound},
	} {
		t.Run("create "+tc.name, func(t *testing.T) {
			created := s.now()
			sh, err := s.CreateShare(ctx, tc.req)
			if !errors.Is(err, tc.want) {
				t.Fatalf("CreateShare = %+v, %v; want %v", sh, err, tc.want)
			}
			if tc.want != nil {
				return
			}
			if sh.Version != tc.wantVersion || sh.Person != tc.req.Person || sh.Document != tc.req.Document || sh.CreatedBy != "worker-a" ||
				!sh.CreatedAt.Equal(created) || !sh.ExpiresAt.Equal(tc.req.Expires) || len(sh.ID) != 26 {
				t.Errorf("CreateShare = %+v", sh)
			}
			c.Advance(time.Minute)
			if tc.keep != nil {
				*tc.keep = sh
			}
		})
	}

	t.Run("found by its token hash", func(t *testing.T) {
		sh, err := s.ShareByTokenHash(ctx, tok(0xA1))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*sh, nana) {
			t.Errorf("ShareByTokenHash = %+v\nwant %+v", *sh, nana)
		}
		if st := sh.Status(now); st != ShareActive {
			t.Errorf("status %s; want active", st)
		}
		if !sh.CodeMatches([]byte("code-hash-123456")) || sh.CodeMatches([]byte("code-hash-654321")) || sh.CodeMatches(nil) {
			t.Error("CodeMatches accepts a wrong code or refuses the right one")
		}
		for _, h := range [][]byte{tok(0xEE), nil} {
			if _, err := s.ShareByTokenHash(ctx, h); !errors.Is(err, ErrNotFound) {
				t.Errorf("ShareByTokenHash(%x) = %v; want ErrNotFound", h, err)
			}
		}
	})

	t.Run("status over time", func(t *testing.T) {
		for _, tc := range []struct {
			at   time.Time
			want string
		}{
			{nana.ExpiresAt.Add(-time.Microsecond), ShareActive},
			{nana.ExpiresAt, ShareExpired},
			{nana.ExpiresAt.Add(time.Hour), ShareExpired},
		} {
			if got := nana.Status(tc.at); got != tc.want {
				t.Errorf("Status(%v) = %s; want %s", tc.at, got, tc.want)
			}
		}
	})

	t.Run("five wrong codes lock it", func(t *testing.T) {
		for i := 1; i <= MaxCodeAttempts; i++ {
			c.Advance(time.Minute)
			n, err := s.ClaimCodeAttempt(ctx, nana.ID)
			if err != nil {
				t.Fatal(err)
			}
			if n != i {
				t.Errorf("wrong code %d: attempt %d", i, n)
			}
			if err := s.WrongCode(ctx, nana.ID, n); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.ClaimCodeAttempt(ctx, nana.ID); !errors.Is(err, ErrNoAttempt) {
			t.Errorf("a sixth claim: %v; want ErrNoAttempt", err)
		}
		sh, err := s.ShareByTokenHash(ctx, tok(0xA1))
		if err != nil {
			t.Fatal(err)
		}
		if sh.FailedAttempts != MaxCodeAttempts || sh.LockedAt == nil || sh.Status(s.now()) != ShareLocked {
			t.Errorf("after %d wrong codes: %+v (status %s)", MaxCodeAttempts, sh, sh.Status(s.now()))
		}
		if _, err := s.ClaimCodeAttempt(ctx, "no-such-share"); !errors.Is(err, ErrNotFound) {
			t.Errorf("claiming for an unknown share: %v; want ErrNotFound", err)
		}
		if err := s.WrongCode(ctx, "no-such-share", 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("WrongCode of an unknown share: %v; want ErrNotFound", err)
		}
	})

	t.Run("revoking", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			id   string
			by   string
			want error
		}{
			{"the child's plan", mia.ID, "worker-b", nil},
			{"it again", mia.ID, "worker-c", nil},
			{"an unknown share", "no-such-share", "worker-b", ErrNotFound},
			{"without saying who", mia.ID, "", ErrInvalid},
		} {
			if err := s.RevokeShare(ctx, tc.id, tc.by); !errors.Is(err, tc.want) {
				t.Errorf("revoking %s: %v; want %v", tc.name, err, tc.want)
			}
		}
		sh, err := s.ShareByTokenHash(ctx, tok(0xB2))
		if err != nil {
			t.Fatal(err)
		}
		if sh.RevokedAt == nil || sh.RevokedBy != "worker-b" || sh.Status(s.now()) != ShareRevoked {
			t.Errorf("after revoking: %+v; want revoked by worker-b (the first revocation)", sh)
		}
	})

	t.Run("listed for the plan", func(t *testing.T) {
		shares, err := s.SharesForPlan(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sh := range shares {
			got = append(got, fmt.Sprintf("%s %s v%d %s", sh.Person, sh.Document, sh.Version, sh.Status(s.now())))
		}
		want := []string{"nana adult-plan v1 locked", "mia words-and-pictures v2 revoked"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("SharesForPlan = %q; want %q", got, want)
		}
		if _, err := s.SharesForPlan(ctx, "no-such-plan"); !errors.Is(err, ErrNotFound) {
			t.Errorf("SharesForPlan of an unknown plan: %v; want ErrNotFound", err)
		}
	})

	t.Run("audited", func(t *testing.T) {
		log, err := s.AuditLog(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range log {
			got = append(got, fmt.Sprintf("%s %s v%d by %s", e.Action, map[string]string{"": "-", nana.ID: "nana", mia.ID: "mia"}[e.ShareID], e.Version, e.By))
		}
		want := []string{
			"save - v1 by worker-a", "save - v2 by worker-a",
			"share nana v1 by worker-a", "share mia v2 by worker-a",
			"failed_code nana v1 by link", "failed_code nana v1 by link", "failed_code nana v1 by link", "failed_code nana v1 by link",
			"failed_code nana v1 by link", "locked nana v1 by link",
			"revoke mia v2 by worker-b",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// newShareForCodes saves a plan and shares it, for the lockout tests.
func newShareForCodes(t *testing.T, s *sqlStore) Share {
	t.Helper()
	ctx := ctxT(t)
	v, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := s.CreateShare(ctx, NewShare{PlanID: v.PlanID, Version: 1, Document: DocumentAdultPlan, Person: "nana", By: "w",
		Expires: s.now().Add(time.Hour), TokenHash: bytes.Repeat([]byte{5}, 32), CodeHash: []byte("c")})
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// 120 claims at once: exactly MaxCodeAttempts succeed, numbered 1 to 5,
// and the rest are refused without a comparison.
func testConcurrentCodeAttempts(t *testing.T, newDB newDBFunc) {
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), nil)
	ctx := ctxT(t)
	sh := newShareForCodes(t, s)
	const n = 120
	attempts := make([]int, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			a, err := s.ClaimCodeAttempt(ctx, sh.ID)
			switch {
			case errors.Is(err, ErrNoAttempt):
			case err != nil:
				t.Error(err)
			default:
				attempts[i] = a
				if err := s.WrongCode(ctx, sh.ID, a); err != nil {
					t.Error(err)
				}
			}
		})
	}
	close(start)
	wg.Wait()
	var got []int
	for _, a := range attempts {
		if a != 0 {
			got = append(got, a)
		}
	}
	sort.Ints(got)
	if !reflect.DeepEqual(got, []int{1, 2, 3, 4, 5}) {
		t.Fatalf("%d concurrent claims took attempts %v; want 1 to %d, each once", n, got, MaxCodeAttempts)
	}
	if got := count(t, s, "audit_log", "share_id = $1 AND action = 'failed_code'", sh.ID); got != MaxCodeAttempts {
		t.Errorf("%d failed_code events; want %d", got, MaxCodeAttempts)
	}
	if got := count(t, s, "audit_log", "share_id = $1 AND action = 'locked'", sh.ID); got != 1 {
		t.Errorf("%d locked events; want 1", got)
	}
}

// A right code's attempt comes back; the fifth claim locks at once, and
// lifts the lock only when its own code was right.
func testRightCodeGivesAttemptBack(t *testing.T, newDB newDBFunc) {
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), nil)
	ctx := ctxT(t)
	sh := newShareForCodes(t, s)
	status := func() (int, string) {
		got, err := s.ShareByTokenHash(ctx, bytes.Repeat([]byte{5}, 32))
		if err != nil {
			t.Fatal(err)
		}
		return got.FailedAttempts, got.Status(s.now())
	}
	claim := func() int {
		a, err := s.ClaimCodeAttempt(ctx, sh.ID)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for range 4 {
		if err := s.WrongCode(ctx, sh.ID, claim()); err != nil {
			t.Fatal(err)
		}
	}
	fifth := claim()
	if n, st := status(); fifth != MaxCodeAttempts || n != MaxCodeAttempts || st != ShareLocked {
		t.Fatalf("while the fifth code is compared: attempt %d, count %d, %s; want 5, 5, locked", fifth, n, st)
	}
	if _, err := s.ClaimCodeAttempt(ctx, sh.ID); !errors.Is(err, ErrNoAttempt) {
		t.Fatalf("a claim while the fifth is compared: %v; want ErrNoAttempt", err)
	}
	if err := s.ReturnCodeAttempt(ctx, sh.ID, fifth); err != nil {
		t.Fatal(err)
	}
	if n, st := status(); n != 4 || st != ShareActive {
		t.Fatalf("after the fifth code was right: count %d, %s; want 4, active", n, st)
	}
	if got := count(t, s, "audit_log", "share_id = $1 AND action = 'locked'", sh.ID); got != 0 {
		t.Errorf("%d locked events after a right fifth code; want 0", got)
	}
	if err := s.ReturnCodeAttempt(ctx, sh.ID, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("returning attempt 0: %v; want ErrInvalid", err)
	}
}

func testAudit(t *testing.T, newDB newDBFunc) {
	c := newClock()
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)
	v, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{}`), By: "worker-a", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	given := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		e    Event
		want error
	}{
		{"a view", Event{PlanID: v.PlanID, ShareID: "s1", Version: 1, Action: ActionView, By: "share:s1"}, nil},
		{"a download at a given time", Event{PlanID: v.PlanID, ShareID: "s1", Version: 1, Action: ActionDownload, By: "share:s1", At: given}, nil},
		{"an unknown action", Event{PlanID: v.PlanID, Action: "edit", By: "w"}, ErrInvalid},
		{"no plan", Event{Action: ActionView, By: "w"}, ErrInvalid},
		{"nobody", Event{PlanID: v.PlanID, Action: ActionView}, ErrInvalid},
	} {
		t.Run("record "+tc.name, func(t *testing.T) {
			if err := s.Record(ctx, tc.e); !errors.Is(err, tc.want) {
				t.Errorf("Record = %v; want %v", err, tc.want)
			}
		})
	}
	log, err := s.AuditLog(ctx, v.PlanID)
	if err != nil {
		t.Fatal(err)
	}
	now := s.now()
	want := []Event{
		{PlanID: v.PlanID, Version: 1, Action: ActionSave, By: "worker-a", At: now},
		{PlanID: v.PlanID, ShareID: "s1", Version: 1, Action: ActionView, By: "share:s1", At: now},
		{PlanID: v.PlanID, ShareID: "s1", Version: 1, Action: ActionDownload, By: "share:s1", At: given},
	}
	if len(log) != len(want) {
		t.Fatalf("audit log %+v; want %+v", log, want)
	}
	for i := range want {
		got := log[i]
		if i > 0 && got.ID <= log[i-1].ID {
			t.Errorf("event ids not increasing: %d after %d", got.ID, log[i-1].ID)
		}
		got.ID = 0
		if got.PlanID != want[i].PlanID || got.ShareID != want[i].ShareID || got.Version != want[i].Version ||
			got.Action != want[i].Action || got.By != want[i].By || !got.At.Equal(want[i].At) {
			t.Errorf("event %d = %+v; want %+v", i, got, want[i])
		}
	}
	if log, err := s.AuditLog(ctx, "no-such-plan"); err != nil || len(log) != 0 {
		t.Errorf("AuditLog of an unknown plan = %v, %v; want none", log, err)
	}

	tamper := []struct{ name, sql string }{
		{"update", "UPDATE audit_log SET actor = 'someone else'"},
		{"delete", "DELETE FROM audit_log"},
	}
	if s.d.name == "postgres" {
		tamper = append(tamper, struct{ name, sql string }{"truncate", "TRUNCATE audit_log"})
	}
	for _, tc := range tamper {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			_, err := s.db.ExecContext(ctx, tc.sql)
			if err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: %v; want an append-only error", tc.sql, err)
			}
			if n := count(t, s, "audit_log", "actor <> 'someone else'"); n != len(want) {
				t.Errorf("%d audit entries intact; want %d", n, len(want))
			}
		})
	}
}

func testReport(t *testing.T, newDB newDBFunc) {
	c := newClock() // today is 2026-11-22 in London
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)
	save := func(id string, base int, sum Summary) string {
		t.Helper()
		v, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: base, JSON: []byte(`{}`), By: "w", Summary: sum})
		if err != nil {
			t.Fatal(err)
		}
		return v.PlanID
	}
	// A: Hughes, every deadline met.
	save("", 0, hughesSummary())
	// B: Novak, no meeting, due date passed, rationale recorded.
	save("", 0, Summary{Team: "area", FirstMeetingDue: day("2026-11-02"), RationaleRecorded: true})
	// C: Adeyemi (fif): met, an outcome overdue, the review pending.
	save("", 0, Summary{Team: "fif", FirstMeetingDue: day("2026-12-21"), FirstMeetingHeld: dayp("2026-11-02"),
		Meetings:  []MeetingSummary{{Date: day("2026-11-02"), OutcomeDue: day("2026-11-09")}},
		ReviewDue: day("2026-11-30")})
	// D: version 1 met everything; the latest (version 2) corrects the
	// first meeting to late, no rationale; its review is overdue. Only the
	// latest counts.
	d := save("", 0, Summary{Team: "area", FirstMeetingDue: day("2026-10-15"), FirstMeetingHeld: dayp("2026-10-10")})
	save(d, 1, Summary{Team: "area", FirstMeetingDue: day("2026-10-15"), FirstMeetingHeld: dayp("2026-10-20"),
		Meetings:  []MeetingSummary{{Date: day("2026-10-20"), OutcomeDue: day("2026-10-27"), OutcomeRecorded: dayp("2026-10-23")}},
		ReviewDue: day("2026-11-17")})
	// E: through care, met in May.
	save("", 0, Summary{Team: "through_care", FirstMeetingDue: day("2026-05-04"), FirstMeetingHeld: dayp("2026-03-23")})
	// F: deleted, so not counted.
	f := save("", 0, Summary{Team: "area", FirstMeetingDue: day("2026-11-02")})
	if err := s.DeletePlan(ctx, f, "w"); err != nil {
		t.Fatal(err)
	}

	area10 := ReportRow{Team: "area", Month: "2026-10",
		FirstMeetings: Tally{Due: 1, Late: 1},
		Outcomes:      Tally{Due: 2, Met: 2},
		Rationales:    RationaleTally{Required: 1, Missing: 1}}
	area11 := ReportRow{Team: "area", Month: "2026-11",
		FirstMeetings: Tally{Due: 2, Met: 1, Overdue: 1},
		Outcomes:      Tally{Due: 1, Met: 1},
		Reviews:       Tally{Due: 2, Met: 1, Overdue: 1},
		Rationales:    RationaleTally{Required: 1, Recorded: 1}}
	fif11 := ReportRow{Team: "fif", Month: "2026-11", Outcomes: Tally{Due: 1, Overdue: 1}, Reviews: Tally{Due: 1, Pending: 1}}
	fif12 := ReportRow{Team: "fif", Month: "2026-12", FirstMeetings: Tally{Due: 1, Met: 1}}
	tc05 := ReportRow{Team: "through_care", Month: "2026-05", FirstMeetings: Tally{Due: 1, Met: 1}}

	for _, tc := range []struct {
		name     string
		from, to string
		team     string
		want     []ReportRow
	}{
		{"every team, October to December", "2026-10-01", "2026-12-31", "", []ReportRow{area10, area11, fif11, fif12}},
		{"one team", "2026-10-01", "2026-12-31", "fif", []ReportRow{fif11, fif12}},
		{"one month", "2026-11-01", "2026-11-30", "", []ReportRow{area11, fif11}},
		{"no bounds", "", "", "", []ReportRow{area10, area11, fif11, fif12, tc05}},
		{"an unknown team", "", "", "west", []ReportRow{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := dateOrZero(tc.from), dateOrZero(tc.to)
			got, err := s.ReportRows(ctx, from, to, tc.team)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				gj, _ := json.MarshalIndent(got, "", "  ")
				wj, _ := json.MarshalIndent(tc.want, "", "  ")
				t.Errorf("ReportRows:\n%s\nwant:\n%s", gj, wj)
			}
		})
	}
}

func testContext(t *testing.T, newDB newDBFunc) {
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), nil)
	v, err := s.SavePlan(context.Background(), SavePlan{JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"cancelled", cancelled, context.Canceled},
		{"past its deadline", expired, context.DeadlineExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.SavePlan(tc.ctx, SavePlan{PlanID: v.PlanID, BaseVersion: 1, JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "area"}}); !errors.Is(err, tc.want) {
				t.Errorf("SavePlan: %v; want %v", err, tc.want)
			}
			if _, err := s.Plan(tc.ctx, v.PlanID, 0); !errors.Is(err, tc.want) {
				t.Errorf("Plan: %v; want %v", err, tc.want)
			}
			if _, err := s.ReportRows(tc.ctx, day("2026-01-01"), day("2026-12-31"), ""); !errors.Is(err, tc.want) {
				t.Errorf("ReportRows: %v; want %v", err, tc.want)
			}
		})
	}
	if vs, err := s.Versions(context.Background(), v.PlanID); err != nil || len(vs) != 1 {
		t.Errorf("after cancelled saves: %v, %v; want version 1 only", vs, err)
	}
}
