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
