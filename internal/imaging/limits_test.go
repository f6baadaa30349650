package imaging

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// pngClaiming is a PNG header claiming w×h pixels of the given bit depth
// and colour type, and a first data chunk of a few compressed bytes: enough
// for a decoder to allocate the picture before it finds the data missing.
func pngClaiming(w, h uint32, depth, colorType byte) []byte {
	b := pngHeader(w, h)
	b[24], b[25] = depth, colorType
	ihdr := b[12:29]
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(ihdr))
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(make([]byte, 16))
	zw.Close()
	chunk := append([]byte("IDAT"), z.Bytes()...)
	b = binary.BigEndian.AppendUint32(b, uint32(z.Len()))
	b = append(b, chunk...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(chunk))
}

// jpegClaiming is a small real JPEG whose frame header is rewritten to
// claim w×h pixels, cut short after the scan header: what a decoder sees
// before it allocates the picture.
func jpegClaiming(t *testing.T, w, h uint16) []byte {
	src := jpegOf(t, photo(16, 16), 80)
	out := append([]byte(nil), src...)
	for i := 2; i+9 < len(out); {
		marker, n := out[i+1], int(binary.BigEndian.Uint16(out[i+2:]))
		if marker == 0xc0 {
			binary.BigEndian.PutUint16(out[i+5:], h)
			binary.BigEndian.PutUint16(out[i+7:], w)
		}
		if marker == 0xda {
			return out[:i+2+n+16]
		}
		i += 2 + n
	}
	t.Fatal("no scan in the JPEG")
	return nil
}

// gifClaiming is a GIF whose screen and frame claim w×h with a few bytes
// of data.
func gifClaiming(w, h uint16) []byte {
	var b bytes.Buffer
	b.WriteString("GIF89a")
	binary.Write(&b, binary.LittleEndian, w)
	binary.Write(&b, binary.LittleEndian, h)
	b.Write([]byte{0x80, 0, 0, 0, 0, 0, 255, 255, 255})
	b.WriteByte(',')
	binary.Write(&b, binary.LittleEndian, [2]uint16{0, 0})
	binary.Write(&b, binary.LittleEndian, w)
	binary.Write(&b, binary.LittleEndian, h)
	b.Write([]byte{0, 2, 2, 0x4c, 0x01, 0, ';'})
	return b.Bytes()
}

// Item 3 of issue 17: a 70 to 100 byte PNG claiming 1 × 50,000,000 pixels
// passed the pixel check and had its buffer allocated. Pictures whose
// sides, shape or data cannot be right are refused from the header, with
// next to nothing allocated.
func TestImpossiblePicturesRefusedBeforeAllocation(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want Code
		msg  string
	}{
		{"png 1 × 50,000,000", pngClaiming(1, 50_000_000, 8, 6), CodeTooManyPixels, "no side may be more than 20000 pixels"},
		{"png 50,000,000 × 1", pngClaiming(50_000_000, 1, 1, 0), CodeTooManyPixels, "no side may be more than 20000 pixels"},
		{"png 20,000 × 900, a strip", pngClaiming(20_000, 900, 8, 2), CodeTooManyPixels, "at most 20 times as long"},
		{"png 8,000 × 6,000 in 90 bytes", pngClaiming(8000, 6000, 8, 6), CodeCorrupt, "could not be read"},
		{"1-bit png 8,000 × 6,000 in 90 bytes", pngClaiming(8000, 6000, 1, 0), CodeCorrupt, "could not be read"},
		{"jpeg 8,000 × 6,000 cut after its header", jpegClaiming(t, 8000, 6000), CodeCorrupt, "could not be read"},
		{"jpeg 1 × 60,000", jpegClaiming(t, 1, 60000), CodeTooManyPixels, "no side"},
		{"gif 8,000 × 6,000 in 40 bytes", gifClaiming(8000, 6000), CodeCorrupt, "could not be read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = Prepare(tc.src, Options{MaxWidth: 1400, MaxHeight: 1400}) })
			var e *Error
			if !errors.As(err, &e) || e.Code != tc.want || !strings.Contains(e.Message, tc.msg) {
				t.Fatalf("Prepare: %v; want %s saying %q", err, tc.want, tc.msg)
			}
			if n > 1<<20 {
				t.Errorf("allocated %d KB before refusing; want under 1 MB", n>>10)
			}
		})
	}
}

// The data check never refuses a real picture, however plain: a white
// PNG compresses as well as deflate can, and is still accepted.
func TestPlainPicturesAreCoverable(t *testing.T) {
	white := image.NewGray(image.Rect(0, 0, 4000, 3000))
	for i := range white.Pix {
		white.Pix[i] = 255
	}
	var p bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&p, white); err != nil {
		t.Fatal(err)
	}
	pal := image.NewPaletted(image.Rect(0, 0, 4000, 3000), color.Palette{color.White, color.Black})
	var g bytes.Buffer
	if err := gif.Encode(&g, pal, nil); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string][]byte{"white png": p.Bytes(), "white gif": g.Bytes(), "white jpeg": jpegOf(t, white, 100)} {
		f, err := sniff(src)
		if err != nil {
			t.Fatal(err)
		}
		if !coverable(src, f, 4000, 3000) {
			t.Errorf("%s of 4000 × 3000 in %d bytes was judged unable to hold its pixels", name, len(src))
		}
	}
}

// Pictures decoded at once never take more than the budget together; one
// that would need more than all of it is refused.
func TestDecodeBudget(t *testing.T) {
	src := jpegOf(t, photo(1000, 800), 85)
	each := decodedBytes(src, formatJPEG, 1000, 800)
	SetDecodeBudget(3 * each)
	decoding.mu.Lock()
	decoding.peak = 0
	decoding.mu.Unlock()
	t.Cleanup(func() { SetDecodeBudget(0) })

	var wg sync.WaitGroup
	errs := make([]error, 12)
	for i := range errs {
		wg.Go(func() {
			_, errs[i] = Prepare(src, Options{MaxWidth: 300, MaxHeight: 300})
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("picture %d: %v", i, err)
		}
	}
	decoding.mu.Lock()
	peak, used := decoding.peak, decoding.used
	decoding.mu.Unlock()
	if peak > 3*each || peak < each || used != 0 {
		t.Errorf("peak charge %d bytes, %d still charged; want between %d and %d, then 0", peak, used, each, 3*each)
	}

	SetDecodeBudget(each - 1)
	_, err := Prepare(src, Options{MaxWidth: 300, MaxHeight: 300})
	var e *Error
	if !errors.As(err, &e) || e.Code != CodeTooManyPixels || !strings.Contains(e.Message, "to process") {
		t.Errorf("a picture over the whole budget: %v; want too_many_pixels", err)
	}
}

func TestJPEGProgressive(t *testing.T) {
	base := jpegOf(t, photo(16, 16), 80)
	prog := bytes.Replace(base, []byte{0xff, 0xc0}, []byte{0xff, 0xc2}, 1)
	if jpegProgressive(base) || !jpegProgressive(prog) {
		t.Errorf("progressive: baseline %v, SOF2 %v", jpegProgressive(base), jpegProgressive(prog))
	}
}
