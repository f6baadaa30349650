package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden text files in testdata/golden")

const examplesDir = "../../shared/examples"

var examples = []string{"hughes-review", "adeyemi-early-help", "pritchard-in-care", "novak-no-meeting"}

var testOpt = Options{Today: plan.MustDate("2026-11-22")}

func loadExample(t testing.TB, name string) *Input {
	t.Helper()
	data, uploads := exampleBytes(t, name)
	in, err := Load(data, uploads, testOpt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

// exampleBytes reads an example plan and the uploads it names.
func exampleBytes(t testing.TB, name string) ([]byte, map[string][]byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	uploads := map[string][]byte{}
	for _, n := range UploadNames(data) {
		b, err := os.ReadFile(filepath.Join(examplesDir, "uploads", n))
		if err != nil {
			t.Fatal(err)
		}
		uploads[n] = b
	}
	return data, uploads
}

// golden compares got with testdata/golden/NAME.txt; with -update it
// rewrites the file. A mismatch leaves NAME.txt.got beside it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file %s: run go test ./render -update and review it", path)
	}
	if string(want) != got {
		_ = os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (go test ./render -update to accept)", name, path)
	}
}

// document renders one document of an example and checks what every
// document must satisfy: a valid PDF and identical bytes when rendered twice.
func renderTwice(t *testing.T, render func() ([]byte, error)) []byte {
	t.Helper()
	a, err := render()
	if err != nil {
		t.Fatal(err)
	}
	b, err := render()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("rendering the same plan twice gave different bytes")
	}
	pdftest.Valid(t, a)
	return a
}

func TestAdultPlanForEveryExample(t *testing.T) {
	for _, name := range examples {
		for _, aud := range []Audience{Worker, Network} {
			t.Run(name+"/"+string(aud), func(t *testing.T) {
				in := loadExample(t, name)
				pdf := renderTwice(t, func() ([]byte, error) { return AdultPlan(in, testOpt, AdultOptions{Audience: aud}) })
				text := pdftest.Text(t, pdf)
				golden(t, name+"_safety-plan_"+string(aud), text)
				assertContent(t, in.Plan, text)
				for _, must := range []string{"OFFICIAL-SENSITIVE", in.Plan.Case.Reference, "Page 1 of", "version " + itoa(in.Plan.Version())} {
					if !strings.Contains(text, must) {
						t.Errorf("no %q in the document", must)
					}
				}
			})
		}
	}
}

// assertContent checks that every worry, goal, rule, contingency, person
// and meeting date of the plan is in the document's text.
func assertContent(t *testing.T, p *plan.Plan, text string) {
	t.Helper()
	var want []string
	for _, w := range p.Assessment.Worries {
		want = append(want, w.Statement, w.Dispute)
	}
	for _, g := range p.Assessment.Goals {
		want = append(want, g.Statement)
	}
	for _, r := range p.Arrangements.Rules {
		want = append(want, r.When, r.Then, r.Monitoring)
	}
	for _, c := range p.Arrangements.Contingencies {
		want = append(want, c.WhatIf, c.Then)
	}
	for _, i := range p.Individuals() {
		want = append(want, i.Name)
	}
	for _, m := range p.Meetings {
		want = append(want, m.Date.Long())
	}
	for _, s := range want {
		if s != "" && !containsWords(text, s) {
			t.Errorf("the document is missing %q", short(s))
		}
	}
}

// words splits text into words without their surrounding punctuation.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w = strings.Trim(w, "()[],.;:!?\"'‘’“”"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

var mdMarks = regexp.MustCompile(`[*_` + "`" + `]`)

// containsWords reports whether the words of phrase appear in text in
// order, allowing words of neighbouring table columns in between.
func containsWords(text, phrase string) bool {
	tw := words(text)
	pw := words(mdMarks.ReplaceAllString(phrase, ""))
	if len(pw) == 0 {
		return true
	}
	// Try every place the phrase could start: a false start nearby must
	// not hide the real one.
	for start := range tw {
		if tw[start] != pw[0] {
			continue
		}
		j, gap := 1, 0
		for _, w := range tw[start+1:] {
			if j == len(pw) {
				break
			}
			if w == pw[j] {
				j, gap = j+1, 0
			} else if gap++; gap > 60 {
				break
			}
		}
		if j == len(pw) {
			return true
		}
	}
	return false
}

func TestOutcomeFormForEveryMeeting(t *testing.T) {
	for _, name := range examples {
		in := loadExample(t, name)
		ids := []string{""}
		if len(in.Plan.Meetings) > 0 {
			ids = nil
			for _, m := range in.Plan.Meetings {
				ids = append(ids, m.ID)
			}
		}
		for _, id := range ids {
			t.Run(name+"/"+firstNonEmpty(id, "rationale"), func(t *testing.T) {
				pdf := renderTwice(t, func() ([]byte, error) { return OutcomeForm(in, testOpt, id) })
				if n := pdftest.Pages(t, pdf); n < 1 || n > 4 {
					t.Errorf("the form has %d pages; it should fit on one to four (a review form carries what the review found)", n)
				}
				text := pdftest.Text(t, pdf)
				golden(t, name+"_outcome-form_"+firstNonEmpty(id, "rationale"), text)
				sys := string(in.Plan.Case.RecordSystem)
				if !strings.Contains(text, sys+" Family/Network Meeting") {
					t.Errorf("the form's title does not name %s", sys)
				}
				for _, f := range in.Report.Findings {
					if !containsWords(text, f.Message) {
						t.Errorf("the compliance box is missing the finding %q", short(f.Message))
					}
				}
			})
		}
	}
}

func TestOutcomeFormNamesItsDeadlines(t *testing.T) {
	tests := []struct {
		example, meeting string
		want             []string
	}{
		{"hughes-review", "fnm1", []string{"Tuesday 13 October 2026", "9 October 2026", "Area social work"}},
		{"pritchard-in-care", "n2", []string{"Monday 13 April 2026", "Lifelong connections", "youth-club leader"}},
		{"adeyemi-early-help", "m1", []string{"EHM Family/Network Meeting form", "Monday 9 November 2026", "Not yet recorded", "overdue"}},
		{"novak-no-meeting", "", []string{"rationale for no meeting", "Aleksandra Wiśniewska, Team Manager", "2 November 2026", "criminal hearing"}},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			in := loadExample(t, tt.example)
			pdf, err := OutcomeForm(in, testOpt, tt.meeting)
			if err != nil {
				t.Fatal(err)
			}
			text := pdftest.Normalize(pdftest.Text(t, pdf))
			for _, w := range tt.want {
				if !strings.Contains(text, w) && !containsWords(text, w) {
					t.Errorf("the form does not say %q", w)
				}
			}
		})
	}
}

func TestUnknownMeetingAndPerson(t *testing.T) {
	in := loadExample(t, "hughes-review")
	if _, err := OutcomeForm(in, testOpt, "fnm9"); !isProblemAt(err, "meeting") {
		t.Errorf("unknown meeting: got %v, want a problem at meeting", err)
	}
	if _, err := AdultPlan(in, testOpt, AdultOptions{For: "nobody"}); !isProblemAt(err, "for") {
		t.Errorf("unknown person: got %v, want a problem at for", err)
	}
}

func isProblemAt(err error, path string) bool {
	ps, ok := err.(plan.Problems)
	return ok && len(ps) == 1 && ps[0].Path == path
}

func short(s string) string {
	if len(s) > 70 {
		return s[:70] + "…"
	}
	return s
}
