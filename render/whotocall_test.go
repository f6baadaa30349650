package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// TestWhoToCallEndsWithOutOfHoursThen999And101: every family and network
// copy; not the worker's (the case file).
func TestWhoToCallEndsWithOutOfHoursThen999And101(t *testing.T) {
	in := loadExample(t, "hughes-review")
	opt := testOpt
	opt.EmergencyDutyPhone = "01632 960777"
	tests := []struct {
		name string
		ao   AdultOptions
		want bool
	}{
		{"network copy", AdultOptions{Audience: Network}, true},
		{"Mum's own copy", AdultOptions{For: "leanne"}, true},
		{"Nana's own copy", AdultOptions{For: "nana"}, true},
		{"worker's copy", AdultOptions{Audience: Worker}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := AdultPlan(in, opt, tt.ao)
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(pdftest.Text(t, pdf)), " ")
			i := strings.Index(flat, "Emergency Duty Team, out of hours 01632 960777")
			if (i >= 0) != tt.want {
				t.Fatalf("out-of-hours line present = %v, want %v", i >= 0, tt.want)
			}
			if !tt.want {
				return
			}
			j := strings.Index(flat[i:], "Emergency 999")
			k := strings.Index(flat[i:], "Police, not an emergency 101")
			if j < 0 || k < j {
				t.Errorf("after the out-of-hours number want 999 then 101; got 999 at %d, 101 at %d", j, k)
			}
		})
	}
}

// TestPlannedReviewInTheDocuments: a planned review is the next review in
// every document, and never dates the plan.
func TestPlannedReviewInTheDocuments(t *testing.T) {
	data, uploads := exampleBytes(t, "hughes-review")
	data = []byte(strings.Replace(string(data), `"meetings": [`, `"meetings": [{"id": "fnm3", "type": "review", "status": "planned", "date": "2026-12-04"},`, 1))
	in, err := Load(data, uploads, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	adult, err := AdultPlan(in, testOpt, AdultOptions{Audience: Network})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdftest.Text(t, adult)), " ")
	for _, want := range []string{"Next review 4 December 2026 (review meeting planned)", "Plan of 30 October 2026, version 2"} {
		if !strings.Contains(text, want) {
			t.Errorf("the adult plan does not say %q", want)
		}
	}
	form, err := OutcomeForm(in, testOpt, "")
	if err != nil {
		t.Fatal(err)
	}
	ftext := strings.Join(strings.Fields(pdftest.Text(t, form)), " ")
	for _, want := range []string{"Meeting of 30 October 2026", "Next review due 4 December 2026 (review meeting planned)"} {
		if !strings.Contains(ftext, want) {
			t.Errorf("the latest form does not say %q", want)
		}
	}
	book, err := WordsAndPictures(in, testOpt, WordsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if btext := strings.Join(strings.Fields(pdftest.Text(t, book)), " "); !strings.Contains(btext, "4 December 2026") || strings.Contains(btext, "made this plan on 4 December") {
		t.Error("the book does not give the planned review, or dates the plan by it")
	}
}
