package pdf

import (
	"encoding/binary"
	"errors"
	"sort"

	"github.com/familynetwork/safetyplan/internal/fonts"
)

// subsetTables are the tables a PDF viewer needs from an embedded
// TrueType font (ISO 32000 9.9): outlines, metrics and hinting.
var subsetTables = []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}

// subset returns a TrueType font holding only the glyphs in used (with
// .notdef and the parts of composite glyphs), keeping every glyph's id so
// that a CIDFont can map CIDs to glyphs with /Identity. Unused glyphs are
// left empty; hmtx is kept whole (it is small) so widths stay right.
func subset(f *fonts.Font, used map[uint16]bool) ([]byte, error) {
	head, loca, glyf := f.Table("head"), f.Table("loca"), f.Table("glyf")
	if len(head) < 54 || loca == nil || glyf == nil {
		return nil, errors.New("pdf: font has no TrueType outlines")
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	n := f.NumGlyphs()
	offset := func(g int) int {
		if long {
			if 4*g+4 > len(loca) {
				return -1
			}
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		if 2*g+2 > len(loca) {
			return -1
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	glyph := func(g int) []byte {
		if g < 0 || g >= n {
			return nil
		}
		a, b := offset(g), offset(g+1)
		if a < 0 || b < a || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}
	keep := map[int]bool{0: true}
	var stack []int
	for g := range used {
		if int(g) < n && !keep[int(g)] {
			keep[int(g)] = true
			stack = append(stack, int(g))
		}
	}
	// Composite glyphs name their parts: keep those too.
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range components(glyph(g)) {
			if c < n && !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		}
	}
	// Glyphs past the last one kept are dropped altogether: the font is
	// cut to that many glyphs, and loca and hmtx with it.
	last := 0
	for g := range keep {
		last = max(last, g)
	}
	n = last + 1
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyph(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checksumAdjustment
	binary.BigEndian.PutUint16(newHead[50:], 1)
	tables := map[string][]byte{"head": newHead, "loca": newLoca, "glyf": newGlyf, "cmap": emptyCmap}
	if err := cutMetrics(f, n, tables); err != nil {
		return nil, err
	}
	for _, tag := range subsetTables {
		if _, ok := tables[tag]; !ok {
			if t := f.Table(tag); t != nil {
				tables[tag] = t
			}
		}
	}
	return assemble(tables), nil
}

// emptyCmap is a cmap table mapping no character (glyphs are named by
// CID through /Identity), so that the subset is a whole TrueType font that
// any reader accepts: one Windows Unicode format 4 subtable holding only
// the closing 0xFFFF segment.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at offset 12
	0, 4, 0, 24, 0, 0, // format 4, length 24, language
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2, searchRange, entrySelector, rangeShift
	0xff, 0xff, 0, 0, 0xff, 0xff, // endCode, reservedPad, startCode
	0, 1, 0, 0, // idDelta, idRangeOffset
}

// cutMetrics cuts maxp, hhea and hmtx to the first n glyphs.
func cutMetrics(f *fonts.Font, n int, tables map[string][]byte) error {
	maxp, hhea, hmtx := f.Table("maxp"), f.Table("hhea"), f.Table("hmtx")
	if len(maxp) < 6 || len(hhea) < 36 {
		return errors.New("pdf: font has no maxp or hhea table")
	}
	nh := min(int(binary.BigEndian.Uint16(hhea[34:])), n)
	size := 4*nh + 2*(n-nh)
	if size > len(hmtx) {
		return errors.New("pdf: font's hmtx table is short")
	}
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(n))
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(nh))
	tables["maxp"], tables["hhea"], tables["hmtx"] = newMaxp, newHhea, hmtx[:size]
	return nil
}

// components returns the glyph ids a composite glyph is built from.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []int
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, int(binary.BigEndian.Uint16(g[p+2:])))
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// assemble writes an sfnt file from its tables, in tag order, with their
// checksums and the head table's checksum adjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
