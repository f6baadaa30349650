package markdown

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Style is a set of flags describing how a run of text is drawn.
// The zero value is regular text.
type Style uint8

// The style flags. They combine: Bold|Italic is bold italic text.
const (
	// Bold is strong emphasis (**text**) and heading text.
	Bold Style = 1 << iota
	// Italic is emphasis (*text*).
	Italic
	// Code is a code span (`text`) or a code block, drawn in a fixed-width font.
	Code
)

// String names the flags in s, such as "bold+italic", or "regular" for none.
func (s Style) String() string {
	var parts []string
	for _, f := range []struct {
		flag Style
		name string
	}{{Bold, "bold"}, {Italic, "italic"}, {Code, "code"}} {
		if s&f.flag != 0 {
			parts = append(parts, f.name)
		}
	}
	if len(parts) == 0 {
		return "regular"
	}
	return strings.Join(parts, "+")
}

// Run is a stretch of text drawn in one style. Text may contain "\n" where
// the writer asked for a hard line break.
type Run struct {
	// Text is the visible text, never empty in a parsed block.
	Text string
	// Style says how Text is drawn.
	Style Style
	// Link is the target of a link, or "" when the run is not a link. It is
	// always an http, https, mailto or tel URL.
	Link string
}

// BlockKind says what kind of block a Block is.
type BlockKind uint8

// The block kinds.
const (
	// Paragraph is ordinary text. Code blocks and raw HTML blocks are
	// paragraphs too.
	Paragraph BlockKind = iota
	// ListItem is the first block of a bullet or numbered list item.
	ListItem
	// Heading is a heading; its runs are already Bold.
	Heading
	// Quote is a paragraph inside a block quote.
	Quote
)

// String returns the kind's name in lower case, such as "listitem".
func (k BlockKind) String() string {
	switch k {
	case Paragraph:
		return "paragraph"
	case ListItem:
		return "listitem"
	case Heading:
		return "heading"
	case Quote:
		return "quote"
	}
	return "unknown"
}

// Block is one paragraph-like unit of text, in document order.
type Block struct {
	// Kind says what the block is.
	Kind BlockKind
	// Ordered is true for an item of a numbered list.
	Ordered bool
	// Number is the 1-based number shown for an item of a numbered list,
	// honouring the list's start number; 0 otherwise.
	Number int
	// Depth is the list nesting: 0 for a top-level list item and for text
	// outside any list, 1 for an item of a list nested in an item, and so on.
	// Further paragraphs of a list item have the depth of the item's
	// content, one more than the item itself.
	Depth int
	// Runs is the block's text, never empty, with no leading or trailing
	// white space. Adjacent runs differ in style or link.
	Runs []Run
}

// Text returns the block's visible text, the runs joined together.
func (b Block) Text() string {
	var sb strings.Builder
	for _, r := range b.Runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

// mdParser is goldmark's CommonMark parser plus bare-URL autolinks
// (https://example.org, www.example.org, name@example.org). It is safe for
// concurrent use.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.Linkify)).Parser()

// MaxSource is the longest source, in bytes, read as Markdown. Some inputs
// (thousands of unclosed "[a](" for instance) cost goldmark time that grows
// with the square of their length; at this size the worst known case takes
// about 0.2 s. Longer sources are kept as plain text: no styling, links or
// lists, but every word is kept.
const MaxSource = 16 << 10

// Parse converts Markdown source into blocks of styled runs. Blocks with no
// visible text are left out, so an empty or blank src gives no blocks.
// Parse never panics and always gives the same result for the same src.
func Parse(src string) (blocks []Block) {
	if len(src) > MaxSource {
		return plainBlocks(src)
	}
	defer func() {
		if recover() != nil {
			blocks = plainBlocks(src)
		}
	}()
	source := []byte(src)
	doc := mdParser.Parse(text.NewReader(source))
	w := &walker{src: source}
	w.container(doc, &context{})
	return w.blocks
}

// Plain returns the visible text of src without list markers or styling:
// each block's text, blocks joined by "\n".
func Plain(src string) string {
	blocks := Parse(src)
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = b.Text()
	}
	return strings.Join(texts, "\n")
}

// plainBlocks reads src as plain text, for sources too long to read as
// Markdown (or should goldmark ever panic): one paragraph per run of
// non-blank lines, the lines joined by spaces.
func plainBlocks(src string) []Block {
	var blocks []Block
	var para []string
	flush := func() {
		if runs := finish([]Run{{Text: strings.Join(para, " ")}}); len(runs) > 0 {
			blocks = append(blocks, Block{Kind: Paragraph, Runs: runs})
		}
		para = para[:0]
	}
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	return blocks
}
