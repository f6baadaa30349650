// Package pdftest checks PDFs in tests the way a person would: their text
// (pdftotext), page count (pdfinfo) and validity (qpdf --check, and
// Ghostscript opening every page without a warning). A missing tool skips
// the test with a loud reason locally and fails it in CI (CI=true).
package pdftest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Need skips (or, in CI, fails) the test unless every tool is installed.
func Need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := "TOOL MISSING: " + tool + " is not installed (apt-get install poppler-utils qpdf ghostscript); this test cannot check the PDF"
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

func run(t testing.TB, pdf []byte, name string, args ...string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "{pdf}", path)
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// Text returns the PDF's text as pdftotext -layout extracts it.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	Need(t, "pdftotext")
	out, _ := run(t, pdf, "pdftotext", "-layout", "-enc", "UTF-8", "{pdf}", "-")
	return out
}

// RawText returns the PDF's text in reading order, without layout.
func RawText(t testing.TB, pdf []byte) string {
	t.Helper()
	Need(t, "pdftotext")
	out, _ := run(t, pdf, "pdftotext", "-enc", "UTF-8", "{pdf}", "-")
	return out
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// Pages returns the page count pdfinfo reports.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	Need(t, "pdfinfo")
	out, _ := run(t, pdf, "pdfinfo", "{pdf}")
	m := pagesLine.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Valid checks the PDF with qpdf --check and renders every page with
// Ghostscript, failing on any warning or error either prints.
func Valid(t testing.TB, pdf []byte) {
	t.Helper()
	Need(t, "qpdf", "gs")
	out, _ := run(t, pdf, "qpdf", "--check", "{pdf}")
	if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(strings.ToLower(out), "warning") {
		t.Errorf("qpdf --check:\n%s", out)
	}
	gout, gerr := run(t, pdf, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", "{pdf}")
	if s := strings.TrimSpace(gout + gerr); s != "" {
		t.Errorf("Ghostscript printed warnings:\n%s", s)
	}
}

// Normalize folds white space so that text checks do not depend on where
// lines wrap: every run of spaces and new lines becomes one space.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
