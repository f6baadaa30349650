package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// FuzzRender loads any plan and, when it loads, makes every document from
// it: nothing may panic, and every document is a PDF. Each rejected plan
// must be rejected with Problems, never another error.
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	for _, path := range files {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"schema_version":1,"case":{"reference":"R","record_system":"LCS","team":"area","involvement_started":"2026-01-05","lead_worker":{"id":"w","name":"W"}},"children":[{"id":"c","name":"C","date_of_birth":"2020-01-01"}]}`))
	drawing, _ := os.ReadFile(filepath.Join(examplesDir, "uploads", "rhys-drawing.png"))
	f.Fuzz(func(t *testing.T, data []byte) {
		uploads := map[string][]byte{}
		for _, n := range UploadNames(data) {
			uploads[n] = drawing
		}
		in, err := Load(data, uploads, testOpt)
		if err != nil {
			if !isProblems(err) {
				t.Fatalf("Load: %T %v", err, err)
			}
			return
		}
		files, err := All(in, testOpt)
		if err != nil {
			if !isProblems(err) {
				t.Fatalf("All: %T %v", err, err)
			}
			return
		}
		for _, f := range files {
			if !bytes.HasPrefix(f.Data, []byte("%PDF-")) || !bytes.Contains(f.Data[max(0, len(f.Data)-1024):], []byte("%%EOF")) {
				t.Fatalf("%s is not a whole PDF", f.Name)
			}
		}
	})
}

func isProblems(err error) bool {
	_, ok := err.(plan.Problems)
	return ok
}
