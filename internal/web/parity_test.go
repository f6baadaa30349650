package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/render"
)

// "Show to the child" and the printed Words and Pictures are the same book:
// the same pages, in the same order, with the same people (a new worker
// found the tablet and the printout disagreed).
func TestChildViewMatchesThePrintedBook(t *testing.T) {
	pdftest.Need(t, "pdftotext")
	p := newPage(t, 1280, 800)
	for _, name := range []string{"hughes-review", "adeyemi-early-help", "novak-no-meeting"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("../../../shared/examples", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			in, err := render.Load(data, nil, render.Options{Today: plan.MustDate("2026-11-22")})
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := render.WordsAndPictures(in, render.Options{}, render.WordsOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want := pdftest.Pages(t, pdf)
			js := fmt.Sprintf(`import('/static/js/child.js').then((m) => JSON.stringify(m.pages(%s).map((x) => x.kind + ':' + (x.people ? x.people.map((y) => y.name).join('|') : ''))))`, data)
			kinds := eval[string](p, js)
			got := strings.Count(kinds, `"`) / 2
			if got != want {
				t.Errorf("the child view has %d pages, the printed book %d: %s", got, want, kinds)
			}
			text := pdftest.Normalize(pdftest.Text(t, pdf))
			for _, people := range strings.Split(kinds, ",") {
				if _, names, ok := strings.Cut(people, "people:"); ok {
					for _, n := range strings.Split(strings.Trim(names, `"]`), "|") {
						if !strings.Contains(text, n) {
							t.Errorf("the child view shows %q among the people who help, the book does not", n)
						}
					}
				}
			}
		})
	}
}

// The child view shows the same pictures as the printed book: portraits
// built from appearance, and the worker never an empty circle.
func TestChildViewPortraitsMatchTheBook(t *testing.T) {
	p := newPage(t, 1280, 800)
	for _, file := range []string{"../../render/testdata/plans/hughes-appearance.json", "../../../shared/examples/adeyemi-early-help.json"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, err := render.Load(data, nil, render.Options{Today: plan.MustDate("2026-11-22")})
			if err != nil {
				t.Fatal(err)
			}
			want := render.PeoplePictures(in.Plan)
			js := fmt.Sprintf(`import('/static/js/child.js').then((m) => JSON.stringify(m.pages(%s).filter((x) => x.people).flatMap((x) => x.people.map((y) => y.picture || ''))))`, data)
			got := eval[string](p, js)
			for _, ref := range strings.Split(strings.Trim(got, `[]`), ",") {
				ref = strings.Trim(ref, `"`)
				found := false
				for _, w := range want {
					found = found || w == ref
				}
				if !found {
					t.Errorf("the child view shows %q, which the book does not: %v", ref, want)
				}
			}
			lw := in.Plan.Case.LeadWorker.ID
			if !strings.Contains(got, want[lw]) {
				t.Errorf("the child view does not show the worker's picture %q: %s", want[lw], got)
			}
		})
	}
}
