package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command line answers bad input with exit code 2 and a message that
// names the file, flag or field; it never panics.
func TestHostileCommandLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pritchard := mustRead(t, filepath.Join(examples, "pritchard-in-care.json"))
	notJSON := write("notes.json", []byte("Nana will ring every evening"))
	badUTF8 := write("bad.json", []byte(`{"people": [{"name": "Le`+"\xff"+`anne"}]}`))
	planWithPDF := write("pdfdrawing/plan.json", pritchard)
	write("pdfdrawing/uploads/rhys-drawing.png", []byte("%PDF-1.7\n"))
	planNoUpload := write("noupload/plan.json", pritchard)
	aFile := write("a-file", []byte("x"))
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"no such plan", []string{"validate", filepath.Join(dir, "missing.json")}, "missing.json"},
		{"a folder as the plan", []string{"validate", dir}, "is a directory"},
		{"not JSON", []string{"validate", notJSON}, "not valid JSON"},
		{"invalid UTF-8", []string{"validate", badUTF8}, "people[0].name"},
		{"a PDF as the drawing", []string{"render", planWithPDF, "-o", filepath.Join(dir, "out")}, "PDF"},
		{"the drawing missing", []string{"validate", planNoUpload}, "rhys-drawing.png"},
		{"an impossible --today", []string{"validate", planNoUpload, "--today", "2026-13-01"}, "--today"},
		{"an unknown flag", []string{"validate", "--colour", "red"}, "colour"},
		{"two plans", []string{"render", notJSON, badUTF8}, "exactly one plan"},
		{"render into a file", []string{"render", filepath.Join(examples, "hughes-review.json"), "-o", aFile}, "a-file"},
		{"extract from JSON", []string{"extract", notJSON, "-o", dir}, "not a PDF"},
		{"extract from nothing", []string{"extract", filepath.Join(dir, "none.pdf"), "-o", dir}, "none.pdf"},
		{"unknown command", []string{"print"}, "unknown command"},
		{"a public URL with a path", []string{"serve", "--addr", "127.0.0.1:0", "--public-url", "https://plans.example.gov.uk/app"}, "--public-url"},
		{"a public URL without a scheme", []string{"serve", "--addr", "127.0.0.1:0", "--public-url", "plans.example.gov.uk"}, "--public-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != exitInput {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, exitInput, out, errs)
			}
			if !strings.Contains(errs+out, tt.says) {
				t.Errorf("the message does not say %q: %s%s", tt.says, errs, out)
			}
		})
	}
}
