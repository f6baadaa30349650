package render

import (
	"regexp"
	"strings"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// workerName is the name the children use for the lead worker, the same
// on every page: their known_as; else the short form of their first name
// the child's pages use ("Dan" for Daniel, when the pages say "Dan" and
// never "Daniel"); else their first name.
func workerName(p *plan.Plan) string {
	lw := p.Case.LeadWorker
	if lw.KnownAs != "" {
		return lw.KnownAs
	}
	first := firstName(lw.Name)
	if short := usedShortName(p, first); short != "" {
		return short
	}
	return first
}

// usedShortName is the short form of first that the child-facing text
// uses, when it never uses first itself.
func usedShortName(p *plan.Plan, first string) string {
	text := childFacingText(p)
	if len([]rune(first)) < 3 || wordIn(text, first) {
		return ""
	}
	best, bestN := "", 0
	r := []rune(first)
	for n := len(r) - 1; n >= 2; n-- {
		cand := string(r[:n])
		if c := len(regexp.MustCompile(`(^|[^\pL])`+regexp.QuoteMeta(cand)+`($|[^\pL])`).FindAllStringIndex(text, -1)); c > bestN {
			best, bestN = cand, c
		}
	}
	return best
}

func wordIn(text, w string) bool {
	return regexp.MustCompile(`(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`).MatchString(text)
}

// childFacingText is every text the worker wrote for the children.
func childFacingText(p *plan.Plan) string {
	var b strings.Builder
	if wp := p.WordsAndPictures; wp != nil {
		for _, st := range []*plan.Story{wp.Explanation, wp.SafetyPlan} {
			if st == nil {
				continue
			}
			b.WriteString(st.Title + "\n")
			for _, pg := range st.Pages {
				b.WriteString(pg.Text + "\n")
			}
		}
	}
	for _, r := range p.Arrangements.Rules {
		b.WriteString(r.ChildWords + "\n")
	}
	return b.String()
}

// withWorkerName returns the child's plan with the lead worker known by
// the name the children use.
func withWorkerName(p *plan.Plan) *plan.Plan {
	q := *p
	q.Case.LeadWorker.KnownAs = workerName(p)
	return &q
}
