package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// p is a paragraph of runs, for brevity in the table.
func p(runs ...Run) Block { return Block{Kind: Paragraph, Runs: runs} }

// r is a run of regular text.
func r(text string) Run { return Run{Text: text} }

// li is a list item at depth d with one regular run.
func li(d int, text string) Block {
	return Block{Kind: ListItem, Depth: d, Runs: []Run{r(text)}}
}

// numbered is an ordered list item numbered n with one regular run.
func numbered(n int, text string) Block {
	return Block{Kind: ListItem, Ordered: true, Number: n, Runs: []Run{r(text)}}
}

func TestParse(t *testing.T) {
	long := strings.Repeat("Supercalifragilistic", 500)
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"empty", "", nil},
		{"only whitespace", " \t\n\n   \n", nil},
		{"plain text trimmed", "  hello there  ", []Block{p(r("hello there"))}},
		{"bold", "a **strong** word", []Block{p(r("a "), Run{Text: "strong", Style: Bold}, r(" word"))}},
		{"bold underscores", "__strong__", []Block{p(Run{Text: "strong", Style: Bold})}},
		{"italic", "*soft*", []Block{p(Run{Text: "soft", Style: Italic})}},
		{"nested bold-italic", "***both***", []Block{p(Run{Text: "both", Style: Bold | Italic})}},
		{"bold inside italic", "*a **b** c*", []Block{p(
			Run{Text: "a ", Style: Italic}, Run{Text: "b", Style: Bold | Italic}, Run{Text: " c", Style: Italic})}},
		{"code span", "call `0800 123`", []Block{p(r("call "), Run{Text: "0800 123", Style: Code})}},
		{"intraword underscores stay", "snake_case_name", []Block{p(r("snake_case_name"))}},
		{"adjacent runs merged", "a *b*c *d*", []Block{p(r("a "), Run{Text: "b", Style: Italic}, r("c "), Run{Text: "d", Style: Italic})}},
		{"soft break is a space", "one\ntwo", []Block{p(r("one two"))}},
		{"hard break two spaces", "one  \ntwo", []Block{p(r("one\ntwo"))}},
		{"hard break backslash", "one\\\ntwo", []Block{p(r("one\ntwo"))}},
		{"crlf line ends", "one  \r\ntwo\r\nthree", []Block{p(r("one\ntwo three"))}},
		{"two paragraphs", "one\n\ntwo", []Block{p(r("one")), p(r("two"))}},
		{"bullet list", "- tea\n- toast\n* jam", []Block{li(0, "tea"), li(0, "toast"), li(0, "jam")}},
		{"ordered list starting at 3", "3. ring Mum\n4. ring Dad", []Block{numbered(3, "ring Mum"), numbered(4, "ring Dad")}},
		{"ordered list with parens", "1) a\n2) b", []Block{numbered(1, "a"), numbered(2, "b")}},
		{"nested list", "- a\n  - b\n    - c\n- d", []Block{li(0, "a"), li(1, "b"), li(2, "c"), li(0, "d")}},
		{"nested ordered in bullet", "- a\n  1. b\n  2. c", []Block{li(0, "a"),
			{Kind: ListItem, Ordered: true, Number: 1, Depth: 1, Runs: []Run{r("b")}},
			{Kind: ListItem, Ordered: true, Number: 2, Depth: 1, Runs: []Run{r("c")}}}},
		{"loose list item with second paragraph", "1. a\n\n   more\n2. b", []Block{
			numbered(1, "a"), {Kind: Paragraph, Depth: 1, Runs: []Run{r("more")}}, numbered(2, "b")}},
		{"empty list item dropped", "- \n- b", []Block{li(0, "b")}},
		{"styled list item", "- **Never** alone", []Block{{Kind: ListItem, Runs: []Run{{Text: "Never", Style: Bold}, r(" alone")}}}},
		{"heading is bold", "# Who *helps*", []Block{{Kind: Heading, Runs: []Run{{Text: "Who ", Style: Bold}, {Text: "helps", Style: Bold | Italic}}}}},
		{"setext heading", "Title\n===", []Block{{Kind: Heading, Runs: []Run{{Text: "Title", Style: Bold}}}}},
		{"quote", "> she said\n> this", []Block{{Kind: Quote, Runs: []Run{r("she said this")}}}},
		{"thematic break dropped", "a\n\n---\n\nb", []Block{p(r("a")), p(r("b"))}},
		{"fenced code block", "```\nline 1\n  line 2\n```", []Block{p(Run{Text: "line 1\n  line 2", Style: Code})}},
		{"link http", "[the leaflet](http://example.org/a)", []Block{p(Run{Text: "the leaflet", Link: "http://example.org/a"})}},
		{"link https bold", "[**help**](https://example.org)", []Block{p(Run{Text: "help", Style: Bold, Link: "https://example.org"})}},
		{"link javascript dropped", "[click](javascript:alert(1))", []Block{p(r("click"))}},
		{"link javascript mixed case dropped", "[click](JavaScript:alert(1))", []Block{p(r("click"))}},
		{"link data dropped", "[x](data:text/html;base64,PHA+)", []Block{p(r("x"))}},
		{"link relative dropped", "[x](/etc/passwd)", []Block{p(r("x"))}},
		{"link tel", "[ring Gran](tel:+441632960000)", []Block{p(Run{Text: "ring Gran", Link: "tel:+441632960000"})}},
		{"link mailto", "[email](mailto:duty@example.org)", []Block{p(Run{Text: "email", Link: "mailto:duty@example.org"})}},
		{"link destination escaped", "[x](<https://example.org/a b>)", []Block{p(Run{Text: "x", Link: "https://example.org/a%20b"})}},
		{"reference link", "[site][s]\n\n[s]: https://example.org", []Block{p(Run{Text: "site", Link: "https://example.org"})}},
		{"autolink url", "<https://example.org>", []Block{p(Run{Text: "https://example.org", Link: "https://example.org"})}},
		{"autolink email", "<duty@example.org>", []Block{p(Run{Text: "duty@example.org", Link: "mailto:duty@example.org"})}},
		{"autolink javascript dropped", "<javascript:alert(1)>", []Block{p(r("javascript:alert(1)"))}},
		{"bare url linked", "see https://example.org.", []Block{p(r("see "), Run{Text: "https://example.org", Link: "https://example.org"}, r("."))}},
		{"bare www linked", "www.example.org", []Block{p(Run{Text: "www.example.org", Link: "http://www.example.org"})}},
		{"raw html block", "<div>\n<b>hi</b>\n</div>", []Block{p(r("<div>\n<b>hi</b>\n</div>"))}},
		{"raw html script block", "<script>alert(1)</script>", []Block{p(r("<script>alert(1)</script>"))}},
		{"raw html comment", "<!-- note -->", []Block{p(r("<!-- note -->"))}},
		{"raw html inline", "a <b>bold?</b> <img src=x onerror=alert(1)>", []Block{p(r("a <b>bold?</b> <img src=x onerror=alert(1)>"))}},
		{"image becomes alt text", "![a *happy* dog](dog.png)", []Block{p(r("a "), Run{Text: "happy", Style: Italic}, r(" dog"))}},
		{"image inside link", "[![logo](x.png)](https://example.org)", []Block{p(Run{Text: "logo", Link: "https://example.org"})}},
		{"no typographic punctuation", `"quoted" -- it's... <<x>>`, []Block{p(r(`"quoted" -- it's... <<x>>`))}},
		{"escapes and entities", `\*not\* &amp; &copy; &#233; &#x41; \&amp;`, []Block{p(r("*not* & © é A &amp;"))}},
		{"unknown entity kept", "&nosuch; & &#xZZ;", []Block{p(r("&nosuch; & &#xZZ;"))}},
		{"tab becomes space", "`a\tb`", []Block{p(Run{Text: "a b", Style: Code})}},
		{"control characters dropped", "a\x00b\x07c\x1bd", []Block{p(r("abcd"))}},
		{"invalid utf8 replaced", "a\xffb", []Block{p(r("a\uFFFDb"))}},
		{"very long word", long, []Block{p(r(long))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tt.src, dump(got), dump(tt.want))
			}
		})
	}
}

func TestPlain(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", ""},
		{"styled", "**Mum** will *always* ring", "Mum will always ring"},
		{"list without markers", "- a\n- b\n\n3. c", "a\nb\nc"},
		{"hard break kept", "a  \nb", "a\nb"},
		{"html literal", "<b>x</b>", "<b>x</b>"},
		{"link text only", "[leaflet](https://example.org)", "leaflet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Plain(tt.src); got != tt.want {
				t.Errorf("Plain(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseDeterministic(t *testing.T) {
	src := "# Plan\n\n1. **Gran** picks up\n   - on *Mondays*\n\n> [call](tel:123)\n\n<i>x</i>"
	first := Parse(src)
	for range 20 {
		if got := Parse(src); !reflect.DeepEqual(got, first) {
			t.Fatalf("Parse differs between calls:\n%s\n%s", dump(first), dump(got))
		}
	}
}

func TestParsePathological(t *testing.T) {
	fill := func(unit string) string { return strings.Repeat(unit, MaxSource/len(unit)) }
	tests := []struct {
		name, src string
	}{
		{"unclosed links", fill("[a](")},
		{"brackets", fill("[")},
		{"images", fill("![")},
		{"underscores", fill("_a")},
		{"emphasis", fill("*a")},
		{"quotes", fill(">")},
		{"lists", fill("- ")},
		{"backticks", fill("`a")},
		{"over the limit", strings.Repeat("[a](", 100000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_ = Plain(tt.src)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestParseOverMaxSource(t *testing.T) {
	para := strings.Repeat("**word** ", MaxSource/9)
	src := "  " + para + "\nline two\n\n\n- item\n"
	want := []Block{p(r(strings.TrimSpace(para) + " line two")), p(r("- item"))}
	if got := Parse(src); !reflect.DeepEqual(got, want) {
		t.Errorf("Parse of %d bytes: got %d blocks, want plain text %d blocks", len(src), len(got), len(want))
	}
	if got := Parse(para); len(got) != 1 || len(got[0].Runs) < 2 {
		t.Errorf("a source under MaxSource was not read as Markdown")
	}
}

func TestStringers(t *testing.T) {
	if got := (Bold | Code).String(); got != "bold+code" {
		t.Errorf("Style.String = %q", got)
	}
	if got := Style(0).String(); got != "regular" {
		t.Errorf("Style(0).String = %q", got)
	}
	if got := Quote.String(); got != "quote" {
		t.Errorf("Quote.String = %q", got)
	}
}

// dump renders blocks as one line each, for readable failures.
func dump(blocks []Block) string {
	var sb strings.Builder
	for _, b := range blocks {
		sb.WriteString("\n  " + b.Kind.String())
		if b.Ordered {
			sb.WriteString(fmt.Sprintf(" #%d", b.Number))
		}
		sb.WriteString(fmt.Sprintf(" depth=%d", b.Depth))
		for _, r := range b.Runs {
			sb.WriteString(" [" + r.Style.String() + " " + fmt.Sprintf("%q", r.Text))
			if r.Link != "" {
				sb.WriteString(" -> " + r.Link)
			}
			sb.WriteString("]")
		}
	}
	return sb.String()
}
