package markdown

import (
	"github.com/yuin/goldmark/ast"
)

// walker collects blocks while walking goldmark's block nodes.
type walker struct {
	src    []byte
	blocks []Block
}

// context is where in the document tree a block node sits.
type context struct {
	lists int   // number of enclosing lists
	quote bool  // inside a block quote
	item  *item // the innermost list item, if any
}

// item is a list item's marker, given to the first block inside it.
type item struct {
	ordered bool
	number  int
	depth   int
	used    bool // its first block has been written
}

// container walks the block children of n, one small function per kind.
func (w *walker) container(n ast.Node, c *context) {
	for child := n.FirstChild(); child != nil; child = child.NextSibling() {
		switch child := child.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.leaf(c, Paragraph, w.inlines(child))
		case *ast.Heading:
			w.leaf(c, Heading, withStyle(w.inlines(child), Bold))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			w.leaf(c, Paragraph, []Run{{Text: lines(w.src, child), Style: Code}})
		case *ast.HTMLBlock:
			w.leaf(c, Paragraph, []Run{{Text: htmlBlock(w.src, child)}})
		case *ast.Blockquote:
			inner := *c
			inner.quote = true
			w.container(child, &inner)
		case *ast.List:
			w.list(child, c)
		case *ast.ThematicBreak:
			// A rule has no text.
		default:
			w.container(child, c)
		}
	}
}

// list walks the items of a list, numbering them from the list's start.
func (w *walker) list(l *ast.List, c *context) {
	number := l.Start
	for child := l.FirstChild(); child != nil; child = child.NextSibling() {
		it := &item{ordered: l.IsOrdered(), depth: c.lists}
		if it.ordered {
			it.number = number
			number++
		}
		inner := context{lists: c.lists + 1, quote: c.quote, item: it}
		w.container(child, &inner)
	}
}

// leaf appends a block of runs. The first block inside a list item becomes
// the ListItem; other blocks in a quote become Quote blocks.
func (w *walker) leaf(c *context, kind BlockKind, runs []Run) {
	runs = finish(runs)
	if len(runs) == 0 {
		return
	}
	b := Block{Kind: kind, Depth: c.lists, Runs: runs}
	switch {
	case c.item != nil && !c.item.used:
		b.Kind, b.Ordered, b.Number, b.Depth = ListItem, c.item.ordered, c.item.number, c.item.depth
		c.item.used = true
	case c.quote:
		b.Kind = Quote
	}
	w.blocks = append(w.blocks, b)
}

// withStyle adds style to every run.
func withStyle(runs []Run, s Style) []Run {
	for i := range runs {
		runs[i].Style |= s
	}
	return runs
}

// lines returns a code block's lines as typed.
func lines(src []byte, n ast.Node) string {
	var b []byte
	segs := n.Lines()
	for i := range segs.Len() {
		seg := segs.At(i)
		b = append(b, seg.Value(src)...)
	}
	return string(b)
}

// htmlBlock returns a raw HTML block's lines, closing line included, as typed.
func htmlBlock(src []byte, n *ast.HTMLBlock) string {
	s := lines(src, n)
	if n.HasClosure() {
		s += string(n.ClosureLine.Value(src))
	}
	return s
}
