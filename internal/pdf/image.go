package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// docImage is a picture written once into a document, however often it
// is drawn.
type docImage struct {
	name string // resource name, "Im1"
	ref  ref
	w, h int // pixels
}

// imageSet holds a document's images, named by content.
type imageSet struct {
	list []*docImage
	by   map[[32]byte]*docImage
}

// get writes img into the document on first use: a JPEG as it is (DCT),
// anything else as Flate-compressed RGB or grey with its alpha, when it
// has any, as a soft mask.
func (s *imageSet) get(img Image, pdf *file) (*docImage, error) {
	sum := sha256.Sum256(img.Data)
	if d, ok := s.by[sum]; ok {
		return d, nil
	}
	if s.by == nil {
		s.by = map[[32]byte]*docImage{}
	}
	d := &docImage{name: fmt.Sprintf("Im%d", len(s.list)+1)}
	var err error
	if img.Format == "jpeg" || bytes.HasPrefix(img.Data, []byte{0xff, 0xd8}) {
		err = d.jpeg(img.Data, pdf)
	} else {
		err = d.raster(img.Data, pdf)
	}
	if err != nil {
		return nil, err
	}
	s.by[sum] = d
	s.list = append(s.list, d)
	return d, nil
}

func (d *docImage) jpeg(data []byte, pdf *file) error {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("pdf: a picture: %w", err)
	}
	space, decode := "/DeviceRGB", ""
	switch cfg.ColorModel {
	case color.GrayModel:
		space = "/DeviceGray"
	case color.CMYKModel:
		// Adobe's CMYK JPEGs are stored inverted.
		space, decode = "/DeviceCMYK", "/Decode [1 0 1 0 1 0 1 0] "
	}
	d.w, d.h = cfg.Width, cfg.Height
	d.ref = pdf.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s/Filter /DCTDecode ",
		cfg.Width, cfg.Height, space, decode), data, false)
	return nil
}

func (d *docImage) raster(data []byte, pdf *file) error {
	m, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("pdf: a picture: %w", err)
	}
	b := m.Bounds()
	d.w, d.h = b.Dx(), b.Dy()
	gray := false
	switch m.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	n := 3
	if gray {
		n = 1
	}
	pix := make([]byte, 0, d.w*d.h*n)
	alpha := make([]byte, 0, d.w*d.h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xff
		}
	}
	smask := ""
	if !opaque {
		r := pdf.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 ", d.w, d.h), alpha, true)
		smask = "/SMask " + r.String() + " "
	}
	space := "/DeviceRGB"
	if gray {
		space = "/DeviceGray"
	}
	d.ref = pdf.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s", d.w, d.h, space, smask), pix, true)
	return nil
}
