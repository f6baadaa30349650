package render

import (
	"fmt"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// wordsPerPage is the most words a page of a child's book should carry.
const wordsPerPage = 40

// wordsAndPicturesAdvice reads the child's pages as a worker sitting with
// the child would want them read: a page with too many words, a page with
// no picture, a rule with no words for the child. None of it stops the
// document: long pages still print, over more pages if need be.
func wordsAndPicturesAdvice(p *plan.Plan) []compliance.Finding {
	var out []compliance.Finding
	note := func(code, path, format string, args ...any) {
		out = append(out, compliance.Finding{Severity: compliance.SeverityInfo, Code: code, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if wp := p.WordsAndPictures; wp != nil {
		for _, st := range []struct {
			name, path string
			s          *plan.Story
		}{{"explanation", "words_and_pictures.explanation", wp.Explanation}, {"safety plan", "words_and_pictures.safety_plan", wp.SafetyPlan}} {
			if st.s == nil {
				continue
			}
			for i, pg := range st.s.Pages {
				path := fmt.Sprintf("%s.pages[%d]", st.path, i)
				if n := len(strings.Fields(pg.Text)); n > wordsPerPage {
					note("words_pictures.page_long", path+".text",
						"Words and Pictures %s page %d: %d words; aim for under %d, so a child can take it in. It still prints, over more than one page if it needs to.",
						st.name, i+1, n, wordsPerPage)
				}
				if pg.Picture == "" {
					note("words_pictures.page_no_picture", path+".picture",
						"Words and Pictures %s page %d has no picture: choose one from the library, or use the child's own drawing or a photo.", st.name, i+1)
				}
			}
		}
	}
	wp := p.WordsAndPictures
	if wp == nil || wp.Explanation == nil {
		if !hasChildRules(p) && (wp == nil || wp.SafetyPlan == nil || len(wp.SafetyPlan.Pages) == 0) {
			note("words_pictures.not_ready", "words_and_pictures",
				"There is no Words and Pictures explanation yet and no rule has words for the child, so the child's book has only the people who help and the numbers to call. Write the explanation first: it is shared with the child before the safety plan.")
		}
	} else {
		// The children may repeat the explanation to someone who disagrees
		// with a worry in it; they should not be handed one side as fact.
		with := map[string]bool{}
		for _, id := range wp.Explanation.CoCreatedWith {
			with[id] = true
		}
		for i, w := range p.Assessment.Worries {
			for _, id := range w.DisputedBy {
				if who, ok := p.Lookup(id); ok && !with[id] && !who.IsChild {
					note("words_pictures.dispute", "words_and_pictures.explanation.co_created_with",
						"%s disagrees with a worry (assessment.worries[%d]) and the explanation was made without them. The children may repeat it to them: check it says who is worried rather than telling one side as fact, and decide whether to go through it with them first.",
						who.Name, i)
				}
			}
		}
	}
	for i, r := range p.Arrangements.Rules {
		path := fmt.Sprintf("plan.rules[%d].child_words", i)
		switch n := len(strings.Fields(r.ChildWords)); {
		case n == 0:
			note("words_pictures.rule_no_child_words", path,
				"Rule %q has no words for the child, so it has no page in the picture safety plan: write it as the child would say it.", r.ID)
		case n > wordsPerPage:
			note("words_pictures.page_long", path,
				"Rule %q in the child's words: %d words; aim for under %d. It still prints, over more than one page if it needs to.", r.ID, n, wordsPerPage)
		}
	}
	return out
}
