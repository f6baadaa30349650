package render

import (
	"strings"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// A page of a child's book carries at most wordsPerPage words, heading
// included: longer pages go on over more pages, split between paragraphs,
// or inside a paragraph at the end of a sentence (at a word boundary when
// a sentence alone is too long).

// wordCount is the number of words in a page's paragraphs.
func wordCount(ps []wpPara) int {
	n := 0
	for _, p := range ps {
		n += len(strings.Fields(spansText(p.spans)))
	}
	return n
}

func spansText(spans []layout.Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// splitWords breaks paragraphs into pages of at most limit words, the
// first page having room taken by a heading of headWords words and each
// page after it by one of contWords.
func splitWords(ps []wpPara, limit, headWords, contWords int) [][]wpPara {
	var pages [][]wpPara
	var cur []wpPara
	room := limit - headWords
	limit -= contWords
	for _, p := range ps {
		for {
			n := wordCount([]wpPara{p})
			if n <= room {
				cur = append(cur, p)
				room -= n
				break
			}
			if len(cur) > 0 && n <= limit {
				// The paragraph fits whole on the next page.
				pages, cur, room = append(pages, cur), nil, limit
				continue
			}
			head, rest := splitPara(p, max(room, 1))
			if head.spans != nil {
				cur = append(cur, head)
			}
			pages, cur, room = append(pages, cur), nil, limit
			rest.gap = 0
			p = rest
		}
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

// splitPara cuts a paragraph after at most n words: after the last
// sentence that ends within them, or after n words when none does.
func splitPara(p wpPara, n int) (head, rest wpPara) {
	type w struct {
		span int
		text string
	}
	var words []w
	for i, s := range p.spans {
		for _, f := range strings.Fields(s.Text) {
			words = append(words, w{i, f})
		}
	}
	cut := min(n, len(words))
	for k := cut; k > n/2; k-- {
		if strings.ContainsAny(words[k-1].text[len(words[k-1].text)-1:], ".!?…") {
			cut = k
			break
		}
	}
	build := func(ws []w) []layout.Span {
		var out []layout.Span
		for _, x := range ws {
			if len(out) > 0 && out[len(out)-1].Font == p.spans[x.span].Font && out[len(out)-1].Color == p.spans[x.span].Color {
				out[len(out)-1].Text += " " + x.text
				continue
			}
			s := p.spans[x.span]
			s.Text = x.text
			if len(out) > 0 {
				s.Text = " " + s.Text
			}
			out = append(out, s)
		}
		return out
	}
	head, rest = p, p
	head.spans, rest.spans = build(words[:cut]), build(words[cut:])
	return head, rest
}
