package fonts

import (
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// LineBreaks returns the byte offsets in s before which a line may break
// by the Unicode line breaking algorithm (UAX #14), other than 0 and
// len(s): after a space or a hyphen, between ideographs, and so on.
func LineBreaks(s string) []int {
	return breaks(s, true)
}

// GraphemeBreaks returns the byte offsets in s where each grapheme cluster
// (a letter with its marks, an Indic conjunct, UAX #29) after the first
// begins: the places a word too long for its line may be cut.
func GraphemeBreaks(s string) []int {
	return breaks(s, false)
}

func breaks(s string, lines bool) []int {
	if s == "" {
		return nil
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // invalid bytes become U+FFFD
	}
	if err := seg.InitWithString(s); err != nil {
		return nil
	}
	var out []int
	if lines {
		it := seg.LineIterator()
		for it.Next() {
			if l := it.Line(); l.OffsetInBytes > 0 {
				out = append(out, l.OffsetInBytes)
			}
		}
		return out
	}
	it := seg.GraphemeIterator()
	for it.Next() {
		if g := it.Grapheme(); g.OffsetInBytes > 0 {
			out = append(out, g.OffsetInBytes)
		}
	}
	return out
}
