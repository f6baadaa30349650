package imaging

import (
	"encoding/binary"
	"image"
	"sync"
)

// DefaultDecodeBudget is how many bytes the pictures being decoded at once
// may take together, in this process: 192 MB.
const DefaultDecodeBudget int64 = 192 << 20

// decoding is the process's budget: every Prepare charges the bytes its
// picture will take decoded before decoding it, and waits while the
// pictures in progress hold the rest. A picture that needs more than the
// whole budget is refused.
var decoding = newBudget(DefaultDecodeBudget)

// SetDecodeBudget sets how many bytes the pictures being decoded at once
// may take together (DefaultDecodeBudget when n <= 0). Pictures already
// being decoded keep their charge.
func SetDecodeBudget(n int64) {
	if n <= 0 {
		n = DefaultDecodeBudget
	}
	decoding.mu.Lock()
	decoding.max = n
	decoding.mu.Unlock()
	decoding.cond.Broadcast()
}

// DecodingBytes returns the bytes charged to pictures being decoded now,
// and the budget.
func DecodingBytes() (inUse, budget int64) {
	decoding.mu.Lock()
	defer decoding.mu.Unlock()
	return decoding.used, decoding.max
}

// budget is a counting semaphore of bytes.
type budget struct {
	mu        sync.Mutex
	cond      *sync.Cond
	used, max int64
	peak      int64 // the most ever used at once, for tests
}

func newBudget(n int64) *budget {
	b := &budget{max: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free and takes them; it reports false,
// taking nothing, when n is more than the whole budget.
func (b *budget) acquire(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		if n > b.max {
			return false
		}
		if b.used+n <= b.max {
			b.used += n
			b.peak = max(b.peak, b.used)
			return true
		}
		b.cond.Wait()
	}
}

// release gives back n bytes taken by acquire.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// decodedBytes estimates the memory Prepare uses for a w×h picture in
// format f, from what Go's decoders and this package allocate (measured on
// 12-megapixel pictures): a progressive JPEG keeps every coefficient, a
// 16-bit PNG has twice the bytes of an 8-bit one.
func decodedBytes(src []byte, f format, w, h int) int64 {
	px := int64(w) * int64(h)
	switch f {
	case formatJPEG:
		if jpegProgressive(src) {
			return 8 * px
		}
		return 3 * px
	case formatPNG:
		if len(src) > 24 && src[24] == 16 {
			return 10 * px
		}
		return 5 * px
	case formatGIF:
		return 7 * px
	}
	return 5 * px // WebP, lossless at worst
}

// jpegProgressive reports whether a JPEG's frame header is progressive
// (SOF2), reading the segments before the first scan.
func jpegProgressive(src []byte) bool {
	for i := 2; i+4 <= len(src); {
		if src[i] != 0xff {
			return false
		}
		marker := src[i+1]
		switch {
		case marker == 0xff: // fill byte
			i++
			continue
		case marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce:
			return true
		case marker == 0xda: // start of scan: the frame header came before
			return false
		case marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7):
			i += 2
			continue
		}
		i += 2 + int(binary.BigEndian.Uint16(src[i+2:]))
	}
	return false
}

// coverable reports whether src could hold a w×h picture in format f: a
// header can claim any size, but compressed data cannot shrink below what
// each format needs per pixel, and a decoder allocates the whole picture
// before it finds the data missing. Pictures under a megabyte decoded are
// not checked. WebP has no useful bound (lossless WebP can hold a plain
// picture of any size in a few bytes); the side, aspect and decode budget
// limit it.
func coverable(src []byte, f format, w, h int) bool {
	px, n := int64(w)*int64(h), int64(len(src))
	if px <= 1<<18 {
		return true
	}
	switch f {
	case formatPNG:
		// Deflate packs at most about 1032 bytes into one; every row
		// has a filter byte and the bits of its pixels.
		if len(src) < 26 {
			return false
		}
		bits := int64(src[24]) * int64(pngChannels(src[25]))
		raw := int64(h) * (1 + (int64(w)*bits+7)/8)
		return raw <= n*1040
	case formatJPEG:
		// Every 8×8 block of the picture takes at least one bit.
		blocks := (int64(w) + 7) / 8 * ((int64(h) + 7) / 8)
		return blocks <= n*8
	case formatGIF:
		// An LZW code of at least 2 bits stands for at most 4096 pixels.
		return px <= n*4*4096
	}
	return true
}

// pngChannels is the number of samples per pixel of a PNG colour type.
func pngChannels(colorType byte) int {
	switch colorType {
	case 2:
		return 3 // RGB
	case 4:
		return 2 // grey and alpha
	case 6:
		return 4 // RGBA
	}
	return 1 // grey, palette
}

// charge takes what src will need decoded from the process's budget,
// waiting for it if need be, and returns the function that gives it back.
func charge(src []byte, f format, cfg image.Config) (release func(), err error) {
	n := decodedBytes(src, f, cfg.Width, cfg.Height)
	if !decoding.acquire(n) {
		_, limit := DecodingBytes()
		return nil, errorf(CodeTooManyPixels, nil, "the picture is %d × %d pixels, which would take %s to process; the limit is %s. %s",
			cfg.Width, cfg.Height, sizeMB(n), sizeMB(limit), smallerHelp)
	}
	return func() { decoding.release(n) }, nil
}
