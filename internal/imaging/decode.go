package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// corruptMessage is shown for files that look like pictures but cannot be read.
const corruptMessage = "the picture could not be read: the file may be damaged or incomplete. " +
	"Try sending it again, or save it again as JPEG or PNG."

// codec decodes one format.
type codec struct {
	config func(*bytes.Reader) (image.Config, error)
	decode func(*bytes.Reader) (image.Image, error)
}

// codecs maps each accepted format to its decoder. Calling them directly,
// rather than through image.Decode's registry, keeps the sniffed format and
// the decoder in step.
var codecs = map[format]codec{
	formatJPEG: {
		func(r *bytes.Reader) (image.Config, error) { return jpeg.DecodeConfig(r) },
		func(r *bytes.Reader) (image.Image, error) { return jpeg.Decode(r) }},
	formatPNG: {
		func(r *bytes.Reader) (image.Config, error) { return png.DecodeConfig(r) },
		func(r *bytes.Reader) (image.Image, error) { return png.Decode(r) }},
	formatGIF: {
		func(r *bytes.Reader) (image.Config, error) { return gif.DecodeConfig(r) },
		func(r *bytes.Reader) (image.Image, error) { return gif.Decode(r) }}, // first frame
	formatWebP: {
		func(r *bytes.Reader) (image.Config, error) { return webp.DecodeConfig(r) },
		func(r *bytes.Reader) (image.Image, error) { return webp.Decode(r) }},
}

// check applies the limits and sniffs the format without decoding pixels:
// the size of src, then the format, then the dimensions in the header
// (pixels, each side, the aspect ratio), then whether the data could hold
// that many pixels at all.
func check(src []byte, lim Limits) (format, image.Config, error) {
	if int64(len(src)) > lim.MaxBytes {
		return "", image.Config{}, errorf(CodeTooLarge, nil, "the picture is %s; the limit is %s. %s",
			sizeMB(int64(len(src))), sizeMB(lim.MaxBytes), smallerHelp)
	}
	if len(src) == 0 {
		return "", image.Config{}, errorf(CodeUnsupportedFormat, nil, "the file is empty. %s", formatsHelp)
	}
	f, err := sniff(src)
	if err != nil {
		return "", image.Config{}, err
	}
	cfg, err := codecs[f].config(bytes.NewReader(src))
	if err != nil {
		return "", image.Config{}, errorf(CodeCorrupt, err, "%s", corruptMessage)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return "", image.Config{}, errorf(CodeCorrupt, fmt.Errorf("size %dx%d", cfg.Width, cfg.Height), "%s", corruptMessage)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > lim.MaxPixels {
		return "", image.Config{}, errorf(CodeTooManyPixels, nil, "the picture is %d × %d pixels (%.1f megapixels); the limit is %.1f megapixels. %s",
			cfg.Width, cfg.Height, float64(px)/1e6, float64(lim.MaxPixels)/1e6, smallerHelp)
	}
	long, short := max(cfg.Width, cfg.Height), min(cfg.Width, cfg.Height)
	if long > lim.MaxSide {
		return "", image.Config{}, errorf(CodeTooManyPixels, nil, "the picture is %d × %d pixels; no side may be more than %d pixels. %s",
			cfg.Width, cfg.Height, lim.MaxSide, smallerHelp)
	}
	if int64(long) > int64(short)*lim.MaxAspect {
		return "", image.Config{}, errorf(CodeTooManyPixels, nil, "the picture is %d × %d pixels; it may be at most %d times as long as it is wide. Crop it, or send a screenshot of it.",
			cfg.Width, cfg.Height, lim.MaxAspect)
	}
	if !coverable(src, f, cfg.Width, cfg.Height) {
		return "", image.Config{}, errorf(CodeCorrupt, fmt.Errorf("%d bytes cannot hold %dx%d", len(src), cfg.Width, cfg.Height), "%s", corruptMessage)
	}
	return f, cfg, nil
}

// decode decodes src, already checked, in format f.
func decode(src []byte, f format) (image.Image, error) {
	m, err := codecs[f].decode(bytes.NewReader(src))
	if err != nil {
		return nil, errorf(CodeCorrupt, err, "%s", corruptMessage)
	}
	if b := m.Bounds(); b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, errorf(CodeCorrupt, fmt.Errorf("decoded size %v", b), "%s", corruptMessage)
	}
	return m, nil
}
