package layout

import (
	"fmt"
	"strings"
)

// Dump writes the laid-out pages as text, a line per block on each page:
// its kind, its top and height in mm, and its first words. It is what the
// golden layout tests compare, so that a page break that moves is seen in
// review. A block carried over from the page before is marked "cont.".
func Dump(pages []Page) string {
	var b strings.Builder
	last := -1
	for n, p := range pages {
		fmt.Fprintf(&b, "page %d\n", n+1)
		for i := 0; i < len(p.Placed); {
			s := p.Placed[i]
			j, h, text := i, 0.0, []string{}
			for ; j < len(p.Placed) && p.Placed[j].Block == s.Block; j++ {
				h += p.Placed[j].H
				if t := p.Placed[j].Text; t != "" {
					text = append(text, t)
				}
			}
			cont := ""
			if s.Block == last && i == 0 {
				cont = " cont."
			}
			fmt.Fprintf(&b, "  %6.1f %5.1f %s%s %q\n", s.Y, h, s.Kind, cont, firstWords(strings.Join(text, " "), 12))
			last = s.Block
			i = j
		}
	}
	return b.String()
}

// words joins the text of a strip's items, with each picture as
// [its reference].
func words(items []Item) string {
	var out []string
	for _, it := range items {
		switch v := it.(type) {
		case Text:
			if strings.TrimSpace(v.Text) != "" {
				out = append(out, v.Text)
			}
		case Picture:
			out = append(out, "["+v.Ref+"]")
		}
	}
	return strings.Join(out, " ")
}

// firstWords is the first n words of s, with "…" when there were more.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + " …"
}
