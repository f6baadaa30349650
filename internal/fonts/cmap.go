package fonts

import (
	"encoding/binary"
	"errors"
)

var errCmap = errors.New("no usable Unicode cmap table")

// cmapRunes reads the set of characters a TrueType font maps to glyphs,
// from its cmap table (format 4 or 12).
func cmapRunes(b []byte) (map[rune]bool, error) {
	if len(b) < 12 {
		return nil, errCmap
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	var cmap []byte
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		if string(rec[:4]) == "cmap" {
			off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			if int(off+ln) > len(b) {
				return nil, errCmap
			}
			cmap = b[off : off+ln]
		}
	}
	if len(cmap) < 4 {
		return nil, errCmap
	}
	best, bestFormat := -1, 0
	for i := 0; i < int(binary.BigEndian.Uint16(cmap[2:])); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if off+2 > len(cmap) || !(platform == 3 && (encoding == 1 || encoding == 10) || platform == 0) {
			continue
		}
		if f := int(binary.BigEndian.Uint16(cmap[off:])); (f == 4 || f == 12) && f > bestFormat {
			best, bestFormat = off, f
		}
	}
	if best < 0 {
		return nil, errCmap
	}
	t := cmap[best:]
	runes := map[rune]bool{}
	if bestFormat == 12 {
		groups := int(binary.BigEndian.Uint32(t[12:]))
		for g := 0; g < groups; g++ {
			rec := t[16+12*g:]
			start, end := binary.BigEndian.Uint32(rec), binary.BigEndian.Uint32(rec[4:])
			for r := start; r <= end && r < 0x110000; r++ {
				runes[rune(r)] = true
			}
		}
		return runes, nil
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends, starts := t[14:], t[16+2*segs:]
	deltas, ranges := t[16+4*segs:], t[16+6*segs:]
	for s := 0; s < segs; s++ {
		end, start := binary.BigEndian.Uint16(ends[2*s:]), binary.BigEndian.Uint16(starts[2*s:])
		delta, rangeOff := binary.BigEndian.Uint16(deltas[2*s:]), binary.BigEndian.Uint16(ranges[2*s:])
		for c := uint32(start); c <= uint32(end) && c != 0xFFFF; c++ {
			glyph := uint16(0)
			if rangeOff == 0 {
				glyph = uint16(c) + delta
			} else {
				idx := 2*s + int(rangeOff) + 2*int(c-uint32(start))
				if 16+6*segs+idx+2 <= len(t) {
					if g := binary.BigEndian.Uint16(ranges[idx:]); g != 0 {
						glyph = g + delta
					}
				}
			}
			if glyph != 0 {
				runes[rune(c)] = true
			}
		}
	}
	return runes, nil
}
