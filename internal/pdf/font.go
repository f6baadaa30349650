package pdf

import (
	"crypto/sha256"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// docFont is one font as a document uses it: the glyphs drawn, what text
// each stands for, and the object its pages refer to.
type docFont struct {
	font *fonts.Font
	name string // resource name, "F1"
	ref  ref
	used map[uint16]bool
	uni  map[uint16]string
}

// fontSet holds a document's fonts in order of first use.
type fontSet struct {
	list []*docFont
	by   map[*fonts.Font]*docFont
}

func (s *fontSet) get(f *fonts.Font, pdf *file) *docFont {
	if d, ok := s.by[f]; ok {
		return d
	}
	if s.by == nil {
		s.by = map[*fonts.Font]*docFont{}
	}
	d := &docFont{font: f, name: fmt.Sprintf("F%d", len(s.list)+1), ref: pdf.reserve(), used: map[uint16]bool{}, uni: map[uint16]string{}}
	s.by[f] = d
	s.list = append(s.list, d)
	return d
}

// width is the glyph's advance as the PDF's /W array gives it, in
// thousandths of an em, rounded to a whole unit.
func (d *docFont) width(gid uint16) float64 {
	return math.Round(d.font.Advance(gid))
}

// use records a glyph drawn for text (the text of its cluster, or "")
// and returns the text the ToUnicode map gives it.
func (d *docFont) use(gid uint16, text string) string {
	d.used[gid] = true
	known, ok := d.uni[gid]
	if !ok && text != "" {
		d.uni[gid] = text
		return text
	}
	return known
}

// write writes every font: Type0 with Identity-H over a CIDFontType2 with
// an /Identity CID-to-glyph map, the subset font file, widths and a
// ToUnicode map.
func (s *fontSet) write(pdf *file) error {
	for _, d := range s.list {
		gids := make([]int, 0, len(d.used))
		for g := range d.used {
			gids = append(gids, int(g))
		}
		sort.Ints(gids)
		data, err := subset(d.font, d.used)
		if err != nil {
			return err
		}
		base := subsetTag(d.font.Name, gids) + "+" + d.font.Name
		file := pdf.addStream(fmt.Sprintf("/Length1 %d ", len(data)), data, true)
		f := d.font
		flags := 4 // symbolic: glyphs are named by CID, not a standard encoding
		if f.Italic {
			flags |= 64
		}
		desc := pdf.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV %d /FontFile2 %s >>",
			base, flags, num(f.BBox[0]), num(f.BBox[1]), num(f.BBox[2]), num(f.BBox[3]), num(f.ItalicAngle),
			num(math.Round(f.Ascent)), num(math.Round(f.Descent)), num(math.Round(f.CapHeight)), stemV(f), file))
		var w strings.Builder
		for _, g := range gids {
			fmt.Fprintf(&w, "%d [%s] ", g, num(d.width(uint16(g))))
		}
		cid := pdf.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /DW 0 /W [%s] /CIDToGIDMap /Identity >>",
			base, desc, strings.TrimSpace(w.String())))
		tu := pdf.addStream("", toUnicode(gids, d.uni), true)
		pdf.obj(d.ref, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s >>", base, cid, tu))
	}
	return nil
}

func stemV(f *fonts.Font) int {
	if f.Bold {
		return 120
	}
	return 80
}

// subsetTag is the six capital letters that name a subset: derived from
// the glyphs it holds, so the same document always gets the same tag.
func subsetTag(name string, gids []int) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// toUnicode writes a CMap mapping each glyph drawn to its text, so that
// text can be searched, copied and read aloud.
func toUnicode(gids []int, uni map[uint16]string) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var lines []string
	for _, g := range gids {
		t, ok := uni[uint16(g)]
		if !ok {
			continue
		}
		var hex strings.Builder
		for _, u := range utf16.Encode([]rune(t)) {
			fmt.Fprintf(&hex, "%04X", u)
		}
		lines = append(lines, fmt.Sprintf("<%04X> <%s>\n", g, hex.String()))
	}
	for len(lines) > 0 {
		n := min(len(lines), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%sendbfchar\n", n, strings.Join(lines[:n], ""))
		lines = lines[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}
