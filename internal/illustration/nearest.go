package illustration

import (
	"github.com/familynetwork/safetyplan/internal/plan"

	"sort"
	"strings"
	"unicode"
)

// Nearest suggests up to n picture names for a name that may be misspelt
// or a synonym, best first. It normalises case, spaces and underscores,
// then ranks pictures by: an exact tag match (so "nana" finds grandma),
// a name that starts with the query or the other way round, a word of the
// description, and finally edit distance. Pictures that match none of
// these and are more than half the query's length away are left out, so
// the result may be shorter than n.
func (l *Library) Nearest(name string, n int) []string {
	q := normalise(name)
	if n <= 0 || q == "" {
		return nil
	}
	type cand struct {
		name  string
		score int
	}
	var cands []cand
	for _, e := range l.entries {
		d := editDistance(q, e.Name)
		score := d * 10
		switch {
		case q == e.Name:
			score = -1000
		case hasTag(e, q):
			score = -500 + d
		case strings.HasPrefix(e.Name, q) || strings.HasPrefix(q, e.Name):
			score = -300 + d
		case hasPart(e.Name, q):
			score = -200 + d
		case inDescription(e, q):
			score = -100 + d
		default:
			// Also compare against tags: "grandmar" is near "grandma"
			// but also near the tag "grandmother".
			for _, t := range e.Tags {
				if td := editDistance(q, t); td*10 < score {
					score = td*10 + 1
				}
			}
			if score/10 > max(1, len([]rune(q))/2) {
				continue
			}
		}
		cands = append(cands, cand{e.Name, score})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].name < cands[j].name
	})
	out := make([]string, 0, min(n, len(cands)))
	for _, c := range cands {
		if len(out) == n {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// normalise lower-cases name and joins its words with hyphens.
func normalise(name string) string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(f, "-")
}

func hasTag(e Entry, q string) bool {
	for _, t := range e.Tags {
		if t == q {
			return true
		}
	}
	return false
}

// hasPart reports whether one hyphenated word of name equals q or one of
// q's words equals name ("social" finds social-worker, "phone" finds
// phone-call).
func hasPart(name, q string) bool {
	for _, w := range strings.Split(name, "-") {
		if w == q {
			return true
		}
	}
	for _, w := range strings.Split(q, "-") {
		if w == name {
			return true
		}
	}
	return false
}

func inDescription(e Entry, q string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(e.Description), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if w == q {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int { return plan.Distance(a, b) }
