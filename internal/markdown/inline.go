package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// span is the style and link that inline content inherits from its parents.
type span struct {
	style Style
	link  string
}

// inlines returns the runs of a block's inline children.
func (w *walker) inlines(n ast.Node) []Run {
	var runs []Run
	w.inline(n, span{}, &runs)
	return runs
}

// inline appends the runs of n's children, one case per node kind.
func (w *walker) inline(n ast.Node, s span, runs *[]Run) {
	add := func(text string, s span) {
		*runs = append(*runs, Run{Text: text, Style: s.style, Link: s.link})
	}
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Text:
			add(w.text(child), s)
		case *ast.String:
			add(stringValue(child), s)
		case *ast.CodeSpan:
			add(codeSpan(w.src, child), span{s.style | Code, s.link})
		case *ast.Emphasis:
			w.inline(child, span{s.style | emphasis(child.Level), s.link}, runs)
		case *ast.Link:
			w.inline(child, span{s.style, safeLink(util.URLEscape(child.Destination, true))}, runs)
		case *ast.AutoLink:
			add(string(child.Label(w.src)), span{s.style, autoLink(child, w.src)})
		case *ast.RawHTML:
			add(rawHTML(w.src, child), s)
		default: // images give their alt text; anything else its children
			w.inline(child, s, runs)
		}
	}
}

// text returns a text node's value with escapes and entities resolved, and
// its line break: a space for a soft break, "\n" for a hard one.
func (w *walker) text(t *ast.Text) string {
	v := t.Segment.Value(w.src)
	s := string(v)
	if !t.IsRaw() {
		s = unescape(v)
	}
	switch {
	case t.HardLineBreak():
		s += "\n"
	case t.SoftLineBreak():
		s += " "
	}
	return s
}

// stringValue returns a string node's value, resolving escapes unless raw.
func stringValue(n *ast.String) string {
	if n.IsCode() || n.IsRaw() {
		return string(n.Value)
	}
	return unescape(n.Value)
}

// emphasis maps an emphasis level to a style: 1 is italic, 2 and more bold.
func emphasis(level int) Style {
	if level == 1 {
		return Italic
	}
	return Bold
}

// codeSpan returns a code span's text as typed, a line end becoming a space.
func codeSpan(src []byte, n *ast.CodeSpan) string {
	var sb strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		v := t.Segment.Value(src)
		if bytes.HasSuffix(v, []byte("\n")) {
			v = append(v[:len(v)-1:len(v)-1], ' ')
		}
		sb.Write(v)
	}
	return sb.String()
}

// rawHTML returns inline HTML as the literal text typed, line ends as spaces.
func rawHTML(src []byte, n *ast.RawHTML) string {
	var sb strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		sb.Write(seg.Value(src))
	}
	return strings.ReplaceAll(sb.String(), "\n", " ")
}

// autoLink returns the safe target of an autolink, or "".
func autoLink(n *ast.AutoLink, src []byte) string {
	url := n.URL(src)
	if n.AutoLinkType == ast.AutoLinkEmail && !hasScheme(string(url), "mailto") {
		url = append([]byte("mailto:"), url...)
	}
	return safeLink(util.URLEscape(url, false))
}

// allowedSchemes are the link schemes a printed plan may carry.
var allowedSchemes = []string{"http", "https", "mailto", "tel"}

// safeLink returns dest if its scheme is allowed, and "" otherwise.
func safeLink(dest []byte) string {
	s := string(dest)
	for _, scheme := range allowedSchemes {
		if hasScheme(s, scheme) && len(s) > len(scheme)+1 && clean(s) == s && !strings.ContainsAny(s, " \n") {
			return s
		}
	}
	return ""
}

// hasScheme reports whether url starts with scheme and a colon, in any case.
func hasScheme(url, scheme string) bool {
	return len(url) > len(scheme) && url[len(scheme)] == ':' && strings.EqualFold(url[:len(scheme)], scheme)
}
