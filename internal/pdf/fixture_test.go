package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// TestExtractsWorkerCopyFromEarlierBuild reads the embedded plan back out
// of a worker's copy made by the fpdf writer (the build of 3 December
// 2026, before the project wrote its own PDF layer), so that copies kept on
// case records keep opening whatever writer makes new ones. The hashes are
// those of ../shared/examples/pritchard-in-care.json and its upload.
func TestExtractsWorkerCopyFromEarlierBuild(t *testing.T) {
	data, err := os.ReadFile("testdata/worker-copy-fpdf-2026-12-03.pdf")
	if err != nil {
		t.Fatal(err)
	}
	as, err := Attachments(data)
	if err != nil {
		t.Fatalf("Attachments: %v", err)
	}
	want := []struct{ name, sha string }{
		{"plan.json", "9afe5073d0243aec7baa6c93d105fd427201659cccb1595ec94e4a28dbb6a0cd"},
		{"rhys-drawing.png", "d2b1f2e13bd1e1dec92b358d5be83f831f708c0b4e4e97fc55f4b195de44d468"},
	}
	if len(as) != len(want) {
		t.Fatalf("%d attachments, want %d", len(as), len(want))
	}
	for i, w := range want {
		sum := sha256.Sum256(as[i].Data)
		if as[i].Name != w.name {
			t.Errorf("attachment %d is named %q, want %q", i, as[i].Name, w.name)
		}
		if got := hex.EncodeToString(sum[:]); got != w.sha {
			t.Errorf("attachment %d (%s): sha256 %s, want %s (%s)", i, as[i].Name, got, w.sha, w.name)
		}
	}
}
