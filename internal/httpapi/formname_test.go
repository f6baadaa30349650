package httpapi

import "testing"

// A single outcome form is named by its meeting's date, as in the zip.
func TestOutcomeFormFileNameIsItsMeetingsDate(t *testing.T) {
	s := newTestServer(t, nil)
	plan := example(t, "hughes-review.json")
	tests := []struct{ target, want string }{
		{"/v1/documents/meeting-outcome?meeting=fnm1", `attachment; filename="LCS-2041187_meeting-outcome_2026-10-06.pdf"`},
		{"/v1/documents/meeting-outcome?meeting=fnm2", `attachment; filename="LCS-2041187_meeting-outcome_2026-10-30.pdf"`},
		{"/v1/documents/meeting-outcome", `attachment; filename="LCS-2041187_meeting-outcome_2026-10-30.pdf"`},
	}
	for _, tt := range tests {
		rec := do(s, "POST", tt.target, "application/json", plan)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d: %s", tt.target, rec.Code, rec.Body)
		}
		if got := rec.Header().Get("Content-Disposition"); got != tt.want {
			t.Errorf("%s: Content-Disposition = %s, want %s", tt.target, got, tt.want)
		}
	}
}
