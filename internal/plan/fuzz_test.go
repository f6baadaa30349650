package plan

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecodeValidate feeds any bytes to Decode and, when they decode,
// Validate: neither may panic, every error is Problems with a code and a
// message, and there are never more than MaxProblems+1 of them.
func FuzzDecodeValidate(f *testing.F) {
	examples, _ := filepath.Glob("../../../shared/examples/*.json")
	invalid, _ := filepath.Glob("testdata/invalid/*.json")
	for _, path := range append(append(examples, "testdata/minimal.json"), invalid...) {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"schema_version": 1, "case": {"reference": "\u0000"}}`))
	f.Add([]byte("\xff{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Decode(data)
		if err != nil {
			checkProblems(t, err)
			return
		}
		ps := p.Validate(ValidateOptions{})
		if len(ps) > 0 {
			checkProblems(t, ps)
		}
		// Derived values never panic on a decoded plan.
		_ = p.Date()
		_ = p.Version()
		_ = p.Individuals()
		_ = p.Pictures()
		_, _ = p.LatestMeeting()
	})
}

func checkProblems(t *testing.T, err error) {
	t.Helper()
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("error %T is not Problems: %v", err, err)
	}
	if len(ps) == 0 || len(ps) > MaxProblems+1 {
		t.Fatalf("%d problems", len(ps))
	}
	for _, p := range ps {
		if p.Code == "" || p.Message == "" {
			t.Fatalf("a problem without code or message: %+v", p)
		}
	}
}
