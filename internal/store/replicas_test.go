package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

// Two stores on one database with the same keys stand for two replicas.
func twoReplicas(t *testing.T, newDB newDBFunc, c *clock, keys Keyring) (*sqlStore, *sqlStore) {
	t.Helper()
	url := newDB(t)
	return openStore(t, url, keys, c), openStore(t, url, keys, c)
}

func testSignAcrossReplicas(t *testing.T, newDB newDBFunc) {
	k1 := testKey(t, "k1")
	a, b := twoReplicas(t, newDB, nil, ring(t, k1))
	sig := a.Sign("share-session", []byte("share-1|1790000000"))
	tests := []struct {
		name    string
		store   *sqlStore
		purpose string
		msg     string
		sig     string
		want    bool
	}{
		{"the same replica", a, "share-session", "share-1|1790000000", sig, true},
		{"the other replica", b, "share-session", "share-1|1790000000", sig, true},
		{"another message", b, "share-session", "share-2|1790000000", sig, false},
		{"another purpose", b, "rate-limit", "share-1|1790000000", sig, false},
		{"a signature cut short", b, "share-session", "share-1|1790000000", sig[:len(sig)-2], false},
		{"no key id", b, "share-session", "share-1|1790000000", strings.SplitN(sig, ".", 2)[1], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.store.Verify(tt.purpose, []byte(tt.msg), tt.sig); got != tt.want {
				t.Errorf("Verify = %v; want %v", got, tt.want)
			}
		})
	}
	// A replica with other keys cannot check it; one that kept the key as
	// an old key after a rotation can.
	other := ring(t, testKey(t, "k9"))
	if other.Verify("share-session", []byte("share-1|1790000000"), sig) {
		t.Error("a keyring without k1 verified a k1 signature")
	}
	if !ring(t, testKey(t, "k2"), k1).Verify("share-session", []byte("share-1|1790000000"), sig) {
		t.Error("after a rotation that kept k1 as an old key, its signature no longer verifies")
	}
}

func testRateLimitAcrossReplicas(t *testing.T, newDB newDBFunc) {
	c := newClock()
	a, b := twoReplicas(t, newDB, c, ring(t, testKey(t, "k1")))
	ctx := ctxT(t)
	const limit = 5
	for i := 1; i <= limit; i++ {
		s := a
		if i%2 == 0 {
			s = b
		}
		ok, _, err := s.Allow(ctx, "203.0.113.7", limit, 15*time.Minute)
		if err != nil || !ok {
			t.Fatalf("hit %d: allowed %v, %v; want allowed", i, ok, err)
		}
	}
	for name, s := range map[string]*sqlStore{"A": a, "B": b} {
		ok, retry, err := s.Allow(ctx, "203.0.113.7", limit, 15*time.Minute)
		if err != nil || ok {
			t.Errorf("replica %s, hit over the limit: allowed %v, %v; want refused", name, ok, err)
		}
		if retry <= 0 || retry > 15*time.Minute {
			t.Errorf("replica %s: retry after %v; want within the window", name, retry)
		}
	}
	if ok, _, err := b.Allow(ctx, "198.51.100.1", limit, 15*time.Minute); err != nil || !ok {
		t.Errorf("another address: allowed %v, %v; want allowed", ok, err)
	}
	if n := count(t, a, "rate_limits", "key = $1", []byte("203.0.113.7")); n != 0 {
		t.Error("the address is stored in clear")
	}
	c.Advance(15 * time.Minute)
	if ok, _, err := a.Allow(ctx, "203.0.113.7", limit, 15*time.Minute); err != nil || !ok {
		t.Errorf("the next window: allowed %v, %v; want allowed", ok, err)
	}
	if n := count(t, a, "rate_limits", ""); n != 1 {
		t.Errorf("%d rate-limit rows after the window ended; want only the new window's", n)
	}
}

func testCaseload(t *testing.T, newDB newDBFunc) {
	c := newClock()
	s := openStore(t, newDB(t), ring(t, testKey(t, "k1")), c)
	ctx := ctxT(t)
	save := func(id string, base int, by, team, marker string) string {
		t.Helper()
		c.Advance(time.Minute)
		v, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: base, JSON: planJSON(marker), By: by, Summary: Summary{Team: team}})
		if err != nil {
			t.Fatal(err)
		}
		return v.PlanID
	}
	p1 := save("", 0, "ana", "area", "one")
	p2 := save("", 0, "ben", "fif", "two")
	save(p1, 1, "ben", "area", "one v2") // ben saved p1 too, after p2
	p3 := save("", 0, "cal", "area", "three")
	tests := []struct {
		name, by, team string
		want           []string
	}{
		{"everyone's", "", "", []string{p3, p1, p2}},
		{"ana's", "ana", "", []string{p1}},
		{"ben's, including a plan he saved a version of", "ben", "", []string{p1, p2}},
		{"the area team's", "", "area", []string{p3, p1}},
		{"ben's in fif", "ben", "fif", []string{p2}},
		{"nobody's", "dee", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Caseload(ctx, tt.by, tt.team)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got {
				ids = append(ids, e.PlanID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("plans %v; want %v", ids, tt.want)
			}
		})
	}
	got, _ := s.Caseload(ctx, "ana", "")
	if len(got) != 1 || got[0].Latest != 2 || got[0].SavedBy != "ben" || !strings.Contains(string(got[0].JSON), "one v2") {
		t.Errorf("ana's caseload = %+v; want plan 1 at its latest version, 2, saved by ben", got)
	}
}

// A database call whose context has no deadline still ends: a save held up
// by a lock fails after the store's timeout, and nothing of it is written.
func testDeadline(t *testing.T, newDB newDBFunc) {
	url := newDB(t)
	keys := ring(t, testKey(t, "k1"))
	s, err := open(context.Background(), url, keys, Options{Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	v, err := s.SavePlan(context.Background(), SavePlan{JSON: planJSON("v1"), By: "w", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	db, _ := rawDB(t, url)
	ctx := ctxT(t)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var lock *sql.Tx
	if s.d.name == "sqlite" {
		lock, err = conn.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock
		if err == nil {
			_, err = lock.ExecContext(ctx, "UPDATE plans SET touched_at = touched_at")
		}
	} else {
		lock, err = conn.BeginTx(ctx, nil)
		if err == nil {
			_, err = lock.ExecContext(ctx, "SELECT 1 FROM plans WHERE id = $1 FOR UPDATE", v.PlanID)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SavePlan(context.Background(), SavePlan{PlanID: v.PlanID, BaseVersion: 1, JSON: planJSON("v2"), By: "w", Summary: Summary{Team: "area"}})
	if err == nil {
		t.Fatal("a save held up by a lock succeeded")
	}
	if !errors.Is(err, context.DeadlineExceeded) && !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "busy") {
		t.Errorf("the held-up save failed with %v; want the deadline", err)
	}
	lock.Rollback()
	if vs, err := s.Versions(context.Background(), v.PlanID); err != nil || len(vs) != 1 {
		t.Errorf("versions after the failed save: %v, %v; want only version 1", vs, err)
	}
}
