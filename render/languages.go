package render

import (
	"fmt"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// languageAdvice tells the worker where a document is asked for in a
// language the service has no fixed wording for: the family's text prints
// as written, but the headings and the fixed lines stay in English.
func languageAdvice(p *plan.Plan, w *templates.Wording) []compliance.Finding {
	var out []compliance.Finding
	note := func(path, lang, doc string) {
		if lang == "" || w.Has(lang) {
			return
		}
		out = append(out, compliance.Finding{Severity: compliance.SeverityInfo, Code: "language.no_wording", Path: path,
			Message: fmt.Sprintf("There is no fixed wording in %q yet: %s prints your text as written, with its headings and fixed lines in English. A council can add them in its templates folder (%s/words-and-pictures.txt, %s/adult-plan.txt).", lang, doc, primaryTag(lang), primaryTag(lang))})
	}
	if wp := p.WordsAndPictures; wp != nil {
		note("words_and_pictures.language", wp.Language, "the children's book")
	}
	for i, x := range p.People {
		note(fmt.Sprintf("people[%d].language", i), x.Language, x.Name+"'s own copy")
	}
	return out
}

// primaryTag is a language tag's first subtag ("ur" for "ur-PK").
func primaryTag(lang string) string {
	for i, r := range lang {
		if r == '-' || r == '_' {
			return lang[:i]
		}
	}
	return lang
}
