package pdf

import (
	"crypto/sha256"
	"fmt"
	lru "github.com/hashicorp/golang-lru/v2"
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
	// slot is, per glyph id, 1 + the glyph's index in glyphs, or 0 while
	// the glyph is unused: a slice, since every glyph drawn looks here.
	slot   []uint16
	glyphs []usedGlyph
}

// usedGlyph is a glyph a document draws and the text it stands for ("" if
// none yet).
type usedGlyph struct {
	id   uint16
	text string
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
	d := &docFont{font: f, name: fmt.Sprintf("F%d", len(s.list)+1), ref: pdf.reserve(), slot: make([]uint16, f.NumGlyphs())}
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
	if int(gid) >= len(d.slot) { // not from this font's shaper: keep it anyway
		d.slot = append(d.slot, make([]uint16, int(gid)+1-len(d.slot))...)
	}
	i := d.slot[gid]
	if i == 0 {
		d.glyphs = append(d.glyphs, usedGlyph{gid, text})
		d.slot[gid] = uint16(len(d.glyphs))
		return text
	}
	u := &d.glyphs[i-1]
	if u.text == "" {
		u.text = text
	}
	return u.text
}

// write writes every font: Type0 with Identity-H over a CIDFontType2 with
// an /Identity CID-to-glyph map, the subset font file, widths and a
// ToUnicode map.
func (s *fontSet) write(pdf *file) error {
	for _, d := range s.list {
		gids := make([]int, len(d.glyphs))
		uni := make(map[uint16]string, len(d.glyphs))
		for i, g := range d.glyphs {
			gids[i] = int(g.id)
			if g.text != "" {
				uni[g.id] = g.text
			}
		}
		sort.Ints(gids)
		sum := glyphSum(d.font.Name, gids)
		sf, err := subsetFile(d.font, sum, gids)
		if err != nil {
			return err
		}
		base := subsetTag(sum) + "+" + d.font.Name
		file := pdf.addCompressed(fmt.Sprintf("/Length1 %d ", sf.length), sf.z)
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
		tu := pdf.addStream("", toUnicode(gids, uni), true)
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

// glyphSum is a digest of a font's name and the glyphs a subset holds.
func glyphSum(name string, gids []int) [sha256.Size]byte {
	b := make([]byte, 0, len(name)+2*len(gids))
	b = append(b, name...)
	for _, g := range gids {
		b = append(b, byte(g>>8), byte(g))
	}
	return sha256.Sum256(b)
}

// subsetTag is the six capital letters that name a subset: derived from
// the glyphs it holds (their glyphSum), so the same document always gets
// the same tag.
func subsetTag(sum [sha256.Size]byte) string {
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

// subsetFont is a subset font file, compressed, and its length before.
type subsetFont struct {
	z      []byte
	length int
}

// subsets keeps the subset font files made lately, by font and glyphs
// (the Font's pointer names a parsed font for the life of the process).
// The copies of one plan (the worker's, the network's, each person's, the
// book, the forms) draw much the same glyphs, and cutting and compressing a
// font was a tenth of a document's time. 256 entries of 10-60 KB each.
var subsets = mustLRU[subsetKey, subsetFont](256)

type subsetKey struct {
	font *fonts.Font
	sum  [sha256.Size]byte
}

// subsetFile returns the subset of f holding gids, compressed, from the
// cache when it can.
func subsetFile(f *fonts.Font, sum [sha256.Size]byte, gids []int) (subsetFont, error) {
	k := subsetKey{f, sum}
	if sf, ok := subsets.Get(k); ok {
		return sf, nil
	}
	used := make(map[uint16]bool, len(gids))
	for _, g := range gids {
		used[uint16(g)] = true
	}
	data, err := subset(f, used)
	if err != nil {
		return subsetFont{}, err
	}
	sf := subsetFont{z: deflate(data), length: len(data)}
	subsets.Add(k, sf)
	return sf, nil
}

func mustLRU[K comparable, V any](size int) *lru.Cache[K, V] {
	c, err := lru.New[K, V](size)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return c
}
