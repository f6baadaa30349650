package store

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// Lower item 8 of issue 17: the SQLite file was created 0644, readable by
// every user of the machine. It and its write-ahead log are now the
// service's alone, whatever the umask allows.
func TestSQLiteFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SKIPPING: Unix permissions")
	}
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "plans.db")
	s := openStore(t, "sqlite:"+path, ring(t, testKey(t, "k1")), nil)
	if _, err := s.SavePlan(ctxT(t), SavePlan{JSON: []byte(`{}`), By: "w", Summary: Summary{Team: "area"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"plans.db", "plans.db-wal", "plans.db-shm"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s is %v; want -rw-------", name, perm)
		}
	}

	// A file that exists already keeps the permissions its owner gave it.
	shared := filepath.Join(dir, "shared.db")
	if err := os.WriteFile(shared, nil, 0o640); err != nil {
		t.Fatal(err)
	}
	openStore(t, "sqlite:"+shared, ring(t, testKey(t, "k1")), nil)
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o640 {
		t.Errorf("an existing file's permissions became %v", fi.Mode().Perm())
	}
}
