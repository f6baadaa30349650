package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The crash test runs this test binary again as a child that saves
// versions of one plan as fast as it can, printing each version once
// SavePlan has returned, and kills it with SIGKILL mid-stream.
const (
	crashURLEnv  = "SAFETYPLAN_STORE_CRASH_URL"
	crashKeysEnv = "SAFETYPLAN_STORE_CRASH_KEYS"
	crashPlanEnv = "SAFETYPLAN_STORE_CRASH_PLAN"
)

func TestMain(m *testing.M) {
	if url := os.Getenv(crashURLEnv); url != "" {
		os.Exit(crashChild(url))
	}
	os.Exit(m.Run())
}

// crashPayload is version v's upload: big enough that a save takes a while.
func crashPayload(v int) []byte {
	return bytes.Repeat([]byte(fmt.Sprintf("version %06d ", v)), 16<<10/15)
}

func crashChild(url string) int {
	keys, err := ParseKeyring(os.Getenv(crashKeysEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx := context.Background()
	s, err := Open(ctx, url, keys)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	id := os.Getenv(crashPlanEnv)
	p, err := s.Plan(ctx, id, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	for base := p.Version; ; base++ {
		v := base + 1
		if _, err := s.SavePlan(ctx, SavePlan{PlanID: id, BaseVersion: base, JSON: []byte(fmt.Sprintf(`{"v":%d}`, v)),
			Uploads: map[string][]byte{"p.bin": crashPayload(v)}, By: "child", Summary: Summary{Team: "area"}}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("saved %d\n", v)
	}
}

func testCrash(t *testing.T, newDB newDBFunc) {
	url := newDB(t)
	secret := make([]byte, KeySize)
	for i := range secret {
		secret[i] = byte(i * 7)
	}
	entry := "k1:" + base64.StdEncoding.EncodeToString(secret)
	keys, err := ParseKeyring(entry)
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t)
	s := openStore(t, url, keys, nil)
	v1, err := s.SavePlan(ctx, SavePlan{JSON: []byte(`{"v":1}`), Uploads: map[string][]byte{"p.bin": crashPayload(1)}, By: "parent", Summary: Summary{Team: "area"}})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashURLEnv+"="+url, crashKeysEnv+"="+entry, crashPlanEnv+"="+v1.PlanID)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked, lines := 0, 0
		sc := bufio.NewScanner(out)
		deadline := time.Now().Add(time.Minute)
		for sc.Scan() {
			v, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "saved "))
			if err != nil {
				t.Fatalf("the child printed %q", sc.Text())
			}
			acked, lines = v, lines+1
			if lines >= 20 || time.Now().After(deadline) {
				cmd.Process.Kill() // SIGKILL, most likely mid-save
				break
			}
		}
		for sc.Scan() { // what it acknowledged before it died
			if v, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "saved ")); err == nil {
				acked = v
			}
		}
		cmd.Wait()
		if acked == 0 {
			t.Fatalf("round %d: the child saved nothing; its errors: %s", round, stderr.String())
		}

		s := openStore(t, url, keys, nil)
		vs, err := s.Versions(ctx, v1.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		latest := vs[len(vs)-1].Version
		if latest < acked || latest > acked+1 {
			t.Errorf("round %d: the child acknowledged version %d; after the crash the latest is %d", round, acked, latest)
		}
		for i, v := range vs {
			p, err := s.Plan(ctx, v1.PlanID, v.Version)
			if err != nil {
				t.Fatalf("round %d: version %d: %v", round, v.Version, err)
			}
			if v.Version != i+1 || string(p.JSON) != fmt.Sprintf(`{"v":%d}`, v.Version) || !bytes.Equal(p.Uploads["p.bin"], crashPayload(v.Version)) {
				t.Fatalf("round %d: version %d (number %d) is not whole: %s, %d upload bytes", round, i+1, v.Version, p.JSON, len(p.Uploads["p.bin"]))
			}
		}
		if s.d.name == "sqlite" {
			var res string
			if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
				t.Errorf("round %d: integrity_check = %q, %v", round, res, err)
			}
		}
		s.Close()
		t.Logf("round %d: acknowledged %d, found %d whole versions", round, acked, latest)
	}
}
