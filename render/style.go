package render

import (
	"strconv"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/markdown"
)

// The adult documents' palette: dark text, one calm accent, quiet rules.
var (
	ink    = layout.Color{R: 0x1a, G: 0x1a, B: 0x1a}
	grey   = layout.Color{R: 0x55, G: 0x55, B: 0x55}
	accent = layout.Color{R: 0x1d, G: 0x4f, B: 0x76}
	rule   = layout.Color{R: 0x9a, G: 0xa5, B: 0xb1}
	tint   = layout.Color{R: 0xe8, G: 0xef, B: 0xf5}
	pale   = layout.Color{R: 0xf4, G: 0xf6, B: 0xf8}
	warn   = layout.Color{R: 0x9b, G: 0x1c, B: 0x1c}
	link   = layout.Color{R: 0x1d, G: 0x4f, B: 0xa0}
)

// A4 portrait with room for the marking above and below.
var a4 = layout.PageSpec{W: 210, H: 297, Left: 20, Right: 20, Top: 24, Bottom: 22}

const bodySize = 10.5

func font(style string, size float64) layout.Font {
	return layout.Font{Family: "sans", Style: style, Size: size}
}

// plain is one span of plain text.
func plain(s string, f layout.Font, c layout.Color) []layout.Span {
	return []layout.Span{{Text: fonts.Normalize(s), Font: f, Color: c}}
}

// para is a paragraph of plain body text.
func para(s string) layout.Paragraph {
	return layout.Paragraph{Spans: plain(s, font("", bodySize), ink), SpaceAfter: 2}
}

// small is a paragraph of small grey text.
func small(s string) layout.Paragraph {
	return layout.Paragraph{Spans: plain(s, font("", 8.5), grey), SpaceAfter: 1}
}

// labelled is "Label: text" with the label in bold.
func labelled(label, s string) layout.Paragraph {
	return layout.Paragraph{Spans: append(plain(label+" ", font("B", bodySize), ink), plain(s, font("", bodySize), ink)...), SpaceAfter: 2}
}

// md turns a Markdown field into paragraphs at the given size.
func md(src string, size float64) []layout.Block {
	var out []layout.Block
	for _, b := range markdown.Parse(fonts.Normalize(src)) {
		p := layout.Paragraph{SpaceAfter: 1.5}
		for _, r := range b.Runs {
			style := ""
			if r.Style&markdown.Bold != 0 {
				style += "B"
			}
			if r.Style&markdown.Italic != 0 {
				style += "I"
			}
			c := ink
			if r.Link != "" {
				c = link
			}
			p.Spans = append(p.Spans, layout.Span{Text: r.Text, Font: font(style, size), Color: c, Link: r.Link})
		}
		if b.Kind == markdown.ListItem {
			p.Bullet = "•"
			if b.Ordered {
				p.Bullet = itoa(b.Number) + "."
			}
			p.Indent = float64(b.Depth) * 5
			p.SpaceAfter = 0.8
		}
		if len(p.Spans) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// bullets is a list of plain sentences.
func bullets(items []string) []layout.Block {
	out := make([]layout.Block, 0, len(items))
	for _, s := range items {
		out = append(out, layout.Paragraph{Spans: plain(s, font("", bodySize), ink), Bullet: "•", SpaceAfter: 1.2})
	}
	return out
}

// heading is a section heading with a rule under it, kept with what follows.
func heading(s string) layout.Block {
	return layout.Func(func(m layout.Measurer, width float64) []layout.Strip {
		p := layout.Paragraph{Spans: plain(s, font("B", 14), accent)}
		strips := []layout.Strip{{H: 7, Discardable: true}}
		strips = append(strips, p.Strips(m, width)...)
		strips = append(strips, layout.Strip{H: 3, Items: []layout.Item{layout.Line{X1: 0, Y1: 1, X2: width, Y2: 1, Color: accent, Width: 0.5}}})
		for i := range strips {
			strips[i].KeepWithNext, strips[i].Heading, strips[i].Kind = true, true, "heading"
		}
		return strips
	})
}

// subheading is a bold line kept with what follows.
func subheading(s string) layout.Block {
	return layout.Paragraph{Spans: plain(s, font("B", 11.5), ink), SpaceAfter: 1.2, KeepWithNxt: true, KeepLines: true}
}

// table builds a table in the house style.
func table(cols []layout.Column, rows [][]layout.Cell) layout.Table {
	return layout.Table{Columns: cols, Rows: rows, HeaderFont: font("B", 9.5), HeaderFill: tint, HeaderText: ink, Border: rule, Pad: 2}
}

// cell is a table cell of Markdown text.
func cell(src string) layout.Cell {
	return layout.Cell{Blocks: md(src, 9.5)}
}

// textCell is a table cell of plain text, one paragraph per line.
func textCell(lines ...string) layout.Cell {
	var bs []layout.Block
	for _, l := range lines {
		if l != "" {
			bs = append(bs, layout.Paragraph{Spans: plain(l, font("", 9.5), ink), SpaceAfter: 1})
		}
	}
	return layout.Cell{Blocks: bs}
}

// sized is a table with its header at the given size.
func sized(t layout.Table, size float64) layout.Table {
	t.HeaderFont = font("B", size)
	return t
}

// sizedCell is a table cell of Markdown text at the given size.
func sizedCell(src string, size float64) layout.Cell {
	return layout.Cell{Blocks: md(src, size)}
}

// sizedText is a table cell of plain text at the given size, one
// paragraph per line.
func sizedText(size float64, lines ...string) layout.Cell {
	var bs []layout.Block
	for _, l := range lines {
		if l != "" {
			bs = append(bs, layout.Paragraph{Spans: plain(l, font("", size), ink), SpaceAfter: 0.8})
		}
	}
	return layout.Cell{Blocks: bs}
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
