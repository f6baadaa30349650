package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A review entered as planned is listed as planned, never as held, and the
// plan keeps its date and version.
func TestValidateShowsAPlannedReview(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(examples, "adeyemi-early-help.json"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `"meetings": [`, `"meetings": [{"id": "m2", "type": "review", "status": "planned", "date": "2026-11-27"},`, 1)
	file := filepath.Join(t.TempDir(), "planned.json")
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("validate", file, "--today", "2026-11-22", "--uploads", filepath.Join(examples, "uploads"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"plan of 2 November 2026 (version 1)", "DUE      First review meeting: due 30 November 2026, 8 days left, planned for 27 November 2026", "PLANNED  Review meeting: 27 November 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEmergencyDutyPhoneMustBeAPhoneNumber(t *testing.T) {
	code, _, errs := run("render", filepath.Join(examples, "novak-no-meeting.json"), "-o", t.TempDir(), "--emergency-duty-phone", "ring the council")
	if code != exitInput || !strings.Contains(errs, "--emergency-duty-phone") {
		t.Errorf("exit %d, %q", code, errs)
	}
}
