package pdf

import (
	"bytes"
	"fmt"
	"math"
	"unicode/utf16"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// ptPerMM converts millimetres to points.
const ptPerMM = 72 / 25.4

// canvas is one page's content stream, in points with y up, taking
// layout's millimetres with y down.
type canvas struct {
	c    *bytes.Buffer // from buffers; released once the page is written
	h    float64       // page height, mm
	page int           // 0-based
	// link is the Link element of the text being drawn, if it is one.
	link *sElem
	// annots are the page's link annotations, as dictionaries without
	// their closing ">>", and the structure element of each (nil for one
	// in page furniture).
	annots   []string
	annotEls []*sElem
}

func (c *canvas) x(v float64) string { return num(v * ptPerMM) }
func (c *canvas) y(v float64) string { return num((c.h - v) * ptPerMM) }

// num writes v to the content stream as num formats it, and a space.
func (c *canvas) num(v float64) {
	c.c.Write(append(appendNum(c.c.AvailableBuffer(), v), ' '))
}

// color writes a fill ("rg") or stroke ("RG") colour.
func (c *canvas) color(col layout.Color, op string) {
	for _, v := range [3]uint8{col.R, col.G, col.B} {
		c.num(float64(v) / 255)
	}
	c.c.WriteString(op)
	c.c.WriteByte('\n')
}

// baseline is where a line of text sits in its line box: as the fpdf
// writer placed it, about 78% down a 1.3 line box.
func baseline(f layout.Font, top float64) float64 {
	return top + f.LineHeight()*0.5 + f.Size*0.3528*0.36
}

// text draws one layout.Text: shaped in its family's fallback chain,
// glyph by glyph in visual order from its X.
func (c *canvas) text(fs *fontSet, pdf *file, v layout.Text, lang string) error {
	s := fonts.Normalize(v.Text)
	if s == "" {
		return nil
	}
	size := v.Font.Size
	x := v.X * ptPerMM
	y := (c.h - baseline(v.Font, v.Y)) * ptPerMM
	c.c.WriteString("BT\n")
	c.color(v.Color, "rg")
	var (
		font  *docFont // the font set with Tf
		open  bool     // a TJ array is open
		hex   bool     // a hexadecimal string is open in it
		moved bool     // the last glyph drawn was moved off the line
	)
	closeTJ := func() {
		if hex {
			c.c.WriteByte('>')
			hex = false
		}
		c.c.WriteString("] TJ\n")
		open = false
	}
	err := eachWord(v.Font.Family, v.Font.Style, lang, s, func(w *shapedWord) {
		for _, r := range w.runs {
			if d := fs.get(r.Font, pdf); d != font {
				if open {
					closeTJ()
				}
				font = d
				c.c.WriteByte('/')
				c.c.WriteString(d.name)
				c.c.WriteByte(' ')
				c.num(size)
				c.c.WriteString("Tf\n")
			}
			d := font
			span := -1 // the glyph that ends the open /ActualText span
			for i, g := range r.Glyphs {
				known := d.use(g.ID, g.Text)
				if end, text := clusterText(r.Glyphs, i); end > i+1 || (text != "" && known != text) {
					// A cluster of several glyphs (a conjunct, a letter and
					// its marks), or a glyph whose text depends on its
					// context: its text for readers that use /ActualText.
					if open {
						closeTJ()
					}
					c.c.WriteString("/Span <</ActualText ")
					c.c.WriteString(utf16Hex(text))
					c.c.WriteString(">> BDC\n")
					span = end - 1
				}
				off := g.XOffset != 0 || g.YOffset != 0
				if !open || off || moved {
					if open {
						closeTJ()
					}
					c.c.WriteString("1 0 0 1 ")
					c.num(x + g.XOffset*size/1000)
					c.num(y + g.YOffset*size/1000)
					c.c.WriteString("Tm [")
					open = true
				}
				moved = off
				if !hex {
					c.c.WriteByte('<')
					hex = true
				}
				c.c.Write([]byte{hexDigit[g.ID>>12], hexDigit[g.ID>>8&15], hexDigit[g.ID>>4&15], hexDigit[g.ID&15]})
				// The glyph's drawn advance is its /W width; move by the
				// shaped advance instead (kerning, marks, justification).
				if adj := d.width(g.ID) - g.Advance; math.Abs(adj) > 0.0005 {
					c.c.WriteByte('>')
					hex = false
					c.c.Write(appendNum(c.c.AvailableBuffer(), adj))
				}
				x += g.Advance * size / 1000
				if i == span {
					closeTJ()
					c.c.WriteString("EMC\n")
					span = -1
				}
			}
		}
	})
	if err != nil {
		return err
	}
	if open {
		closeTJ()
	}
	c.c.WriteString("ET\n")
	if v.Link != "" {
		lh := v.Font.LineHeight()
		c.annots = append(c.annots, fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /A << /S /URI /URI %s >>",
			c.x(v.X), c.y(v.Y+lh), c.x(v.X+v.W), c.y(v.Y), text(v.Link)))
		c.annotEls = append(c.annotEls, c.link)
	}
	return nil
}

const hexDigit = "0123456789ABCDEF"

// clusterText returns where the cluster starting at glyph i ends and its
// text, when i starts a cluster; otherwise (i, "").
func clusterText(gs []fonts.Glyph, i int) (int, string) {
	if i > 0 && gs[i-1].Cluster == gs[i].Cluster {
		return i, ""
	}
	j, text := i, ""
	for ; j < len(gs) && gs[j].Cluster == gs[i].Cluster; j++ {
		text += gs[j].Text
	}
	return j, text
}

// utf16Hex writes s as a hexadecimal UTF-16BE string with a byte order
// mark.
func utf16Hex(s string) string {
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hexDigit[u>>12], hexDigit[u>>8&15], hexDigit[u>>4&15], hexDigit[u&15])
	}
	return string(append(b, '>'))
}
