package render

import (
	"fmt"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// wordsPerPage is the most words a page of a child's book should carry.
const wordsPerPage = 40

// maxRulePages is how many pages of rules a picture safety plan can have
// before it is too long for a child to take in.
const maxRulePages = 12

// bookShapeAdvice is advice on the book as a whole: a parent shown as
// someone who helps though their number is hidden, a long picture plan,
// and the name the book uses for the worker.
func bookShapeAdvice(p *plan.Plan) []compliance.Finding {
	var out []compliance.Finding
	note := func(code, path, format string, args ...any) {
		out = append(out, compliance.Finding{Severity: compliance.SeverityInfo, Code: code, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if wp := p.WordsAndPictures; wp == nil || len(wp.Helpers) == 0 {
		for _, h := range helpers(p) {
			if h.Role == "parent" && !h.ShareContact {
				note("words_pictures.parent_number_hidden", "words_and_pictures.helpers",
					"%s does not share their contact details, and the child's book still shows them among the people who help, without their number. If the children should not be pointed to them, list who helps in words_and_pictures.helpers.", h.Name)
			}
		}
	}
	pages := 0
	if wp := p.WordsAndPictures; wp != nil && wp.SafetyPlan != nil {
		pages += len(wp.SafetyPlan.Pages)
	}
	for _, r := range p.Arrangements.Rules {
		if strings.TrimSpace(r.ChildWords) != "" {
			pages++
		}
	}
	if pages > maxRulePages {
		note("words_pictures.long_plan", "plan.rules",
			"The picture safety plan has %d pages of rules; more than %d is a lot for a child to take in. Keep the rules the child acts on or needs to know, and leave the grown-ups' arrangements to the adult plan.", pages, maxRulePages)
	}
	if lw := p.Case.LeadWorker; lw.KnownAs == "" {
		if short := usedShortName(p, firstName(lw.Name)); short != "" {
			note("words_pictures.worker_name", "case.lead_worker.known_as",
				"The child's pages call the lead worker %q, so the book uses %q everywhere. Set case.lead_worker.known_as to make it so on purpose.", short, short)
		}
	}
	return out
}

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
	out = append(out, bookShapeAdvice(p)...)
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
