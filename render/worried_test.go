package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// TestWorriedPagesEndWithTheirList: when what the child can do if worried
// takes two pages (no rule already said it, so everyone is listed),
// "Telling someone is always the right thing to do" stays with the last
// thing listed; it never stands alone on a page headed "We can also…".
func TestWorriedPagesEndWithTheirList(t *testing.T) {
	in := loadExample(t, "hughes-review")
	for i := range in.Plan.Arrangements.Rules {
		r := &in.Plan.Arrangements.Rules[i]
		r.ChildWords = strings.NewReplacer("worried", "upset", "scared", "sad").Replace(r.ChildWords)
	}
	var pages []string
	opt := testOpt
	opt.laidOut = func(ps []layout.Page) {
		for _, p := range ps {
			var words []string
			for _, pl := range p.Placed {
				words = append(words, pl.Text)
			}
			pages = append(pages, strings.Join(words, " "))
		}
	}
	if _, err := WordsAndPictures(in, opt, WordsOptions{}); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range pages {
		if strings.Contains(p, "Telling someone is always") {
			found = true
			if !strings.Contains(p, "Childline") {
				t.Errorf("the closing line is on a page without the list it closes: %q", p)
			}
		}
	}
	if !found {
		t.Fatal("no page says that telling someone is always the right thing to do")
	}
}
