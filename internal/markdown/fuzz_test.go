package markdown

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "**a** *b* `c`", "- a\n  - b\n1. c", "3. x\n\n   y", "[a](javascript:x) <b>y</b>",
		"> q\n>> r", "![i](x)", "a  \nb\\\nc", "<https://x.y> www.x.y a@b.cd", "```\n\tcode\n```",
		"&#0; &#x110000; \x00 \r\n\t", "*[`a`](<b>)*", "<div>\n\n*x*\n</div>", "\xff\xfe*",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		blocks := Parse(src)
		for _, b := range blocks {
			if len(b.Runs) == 0 {
				t.Fatalf("block with no runs: %+v", b)
			}
			for _, r := range b.Runs {
				if r.Text == "" {
					t.Fatalf("empty run in %+v", b)
				}
				if r.Link != "" && safeLink([]byte(r.Link)) != r.Link {
					t.Fatalf("unsafe link %q", r.Link)
				}
			}
		}
		plain := Plain(src)
		if !utf8.ValidString(plain) {
			t.Fatalf("Plain(%q) is not valid UTF-8: %q", src, plain)
		}
		for _, c := range plain {
			if c != '\n' && unicode.IsControl(c) {
				t.Fatalf("Plain(%q) = %q holds control character %U", src, plain, c)
			}
		}
	})
}
