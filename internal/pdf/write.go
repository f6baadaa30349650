package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of prepared pictures
	_ "image/png"
	"io"
	"os"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// Meta is the document's metadata.
type Meta struct {
	Title, Subject, Author, Keywords, Language string
	// Created is the creation date written into the file: derive it from
	// the plan, never the clock, so that output is deterministic.
	Created time.Time
}

// Attachment is a file embedded in the PDF.
type Attachment struct {
	Name        string
	Description string
	Data        []byte
}

// Image is a prepared raster picture (already oriented, resized and
// stripped of metadata).
type Image struct {
	Data   []byte
	Format string // "jpeg" or "png"
}

// Document is everything needed to write one PDF.
type Document struct {
	Spec  layout.PageSpec
	Pages []layout.Page
	// Decorate returns the items drawn on page i (0-based) of n: headers,
	// footers, page numbers. It may be nil.
	Decorate    func(i, n int) []layout.Item
	Meta        Meta
	Attachments []Attachment
	// Images maps picture references (upload:NAME, data:...) to prepared
	// images; library: references are drawn as vectors.
	Images map[string]Image
}

// ownWriter chooses the project's own PDF layer over fpdf while the new
// writer is proven on every example (SAFETYPLAN_PDF_WRITER=own).
var ownWriter = os.Getenv("SAFETYPLAN_PDF_WRITER") == "own"

// Write draws the document and writes the PDF to w.
func Write(w io.Writer, d Document) error {
	if ownWriter {
		return writeOwn(w, d)
	}
	orientation := "P"
	if d.Spec.W > d.Spec.H {
		orientation = "L"
	}
	f := newFpdf(fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: fpdf.SizeType{Wd: min(d.Spec.W, d.Spec.H), Ht: max(d.Spec.W, d.Spec.H)}})
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreationDate(d.Meta.Created)
	f.SetModificationDate(d.Meta.Created)
	f.SetTitle(d.Meta.Title, true)
	f.SetSubject(d.Meta.Subject, true)
	f.SetAuthor(d.Meta.Author, true)
	f.SetCreator("safetyplan", true)
	f.SetProducer("safetyplan", true)
	f.SetKeywords(d.Meta.Keywords, true)
	if d.Meta.Language != "" {
		f.SetLang(d.Meta.Language)
	}
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	if len(d.Attachments) > 0 {
		as := make([]fpdf.Attachment, len(d.Attachments))
		for i, a := range d.Attachments {
			as[i] = fpdf.Attachment{Content: a.Data, Filename: a.Name, Description: a.Description}
		}
		f.SetAttachments(as)
	}
	dr := drawer{f: f, images: d.Images, registered: map[string]string{}, widths: map[int]string{}}
	for i, p := range d.Pages {
		f.AddPage()
		if d.Decorate != nil {
			for _, it := range d.Decorate(i, len(d.Pages)) {
				dr.draw(it)
			}
		}
		// Backgrounds first, so a fill never covers text that overhangs
		// into the next strip of a table row.
		for _, it := range p.Items {
			if isBackground(it) {
				dr.draw(it)
			}
		}
		for _, it := range p.Items {
			if !isBackground(it) {
				dr.draw(it)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func isBackground(it layout.Item) bool {
	r, ok := it.(layout.Rect)
	return ok && r.Fill != nil && r.Stroke == nil
}

type drawer struct {
	f          *fpdf.Fpdf
	images     map[string]Image
	registered map[string]string // ref -> image name
	widths     map[int]string    // pixel width -> image name
}

func (d *drawer) draw(it layout.Item) {
	f := d.f
	switch v := it.(type) {
	case layout.Text:
		f.SetFont(v.Font.Family, v.Font.Style, v.Font.Size)
		f.SetTextColor(int(v.Color.R), int(v.Color.G), int(v.Color.B))
		lh := v.Font.LineHeight()
		// Baseline sits about 78% down a 1.3 line box.
		f.Text(v.X, v.Y+lh*0.5+v.Font.Size*0.3528*0.36, v.Text)
		if v.Link != "" {
			f.LinkString(v.X, v.Y, v.W, lh, v.Link)
		}
	case layout.Rect:
		style := d.paint(v.Fill, v.Stroke, max(v.LineWidth, 0.1))
		if style == "" {
			return
		}
		if v.Radius > 0 {
			f.RoundedRect(v.X, v.Y, v.W, v.H, v.Radius, "1234", style)
		} else {
			f.Rect(v.X, v.Y, v.W, v.H, style)
		}
	case layout.Line:
		f.SetDrawColor(int(v.Color.R), int(v.Color.G), int(v.Color.B))
		f.SetLineWidth(v.Width)
		if v.Dashed {
			f.SetDashPattern([]float64{1, 1}, 0)
		}
		f.Line(v.X1, v.Y1, v.X2, v.Y2)
		if v.Dashed {
			f.SetDashPattern(nil, 0)
		}
	case layout.Circle:
		style := d.paint(v.Fill, v.Stroke, 0.3)
		if style == "" {
			return
		}
		f.Circle(v.X, v.Y, v.R, style)
	case layout.Picture:
		d.picture(v)
	}
}

// paint sets the fill and stroke colours and returns fpdf's style string
// ("F", "D", "FD", or "" when there is nothing to draw).
func (d *drawer) paint(fill, stroke *layout.Color, width float64) string {
	style := ""
	if fill != nil {
		d.f.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		style += "F"
	}
	if stroke != nil {
		d.f.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		d.f.SetLineWidth(width)
		style += "D"
	}
	return style
}

func (d *drawer) picture(v layout.Picture) {
	if name, ok := strings.CutPrefix(v.Ref, "library:"); ok {
		if p, ok := illustration.Lookup(name); ok {
			DrawPicture(d.f, p, v.X, v.Y, v.W, v.H)
		}
		return
	}
	img, ok := d.images[v.Ref]
	if !ok {
		return
	}
	name, ok := d.registered[v.Ref]
	if !ok {
		// Named by content: two references to the same picture (the same
		// photo sent twice, say) share one image in the PDF.
		sum := sha256.Sum256(img.Data)
		name = "img" + hex.EncodeToString(sum[:8])
		// fpdf writes images in order of pixel width and breaks ties in
		// map order: two different images of one width would make the
		// same document come out in different bytes. Refuse instead.
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(img.Data)); err == nil {
			if other, ok := d.widths[cfg.Width]; ok && other != name {
				d.f.SetError(fmt.Errorf("pdf: two different images are %d pixels wide, so the output would not be deterministic: make their widths differ", cfg.Width))
				return
			}
			d.widths[cfg.Width] = name
		}
		d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: img.Format}, bytes.NewReader(img.Data))
		d.registered[v.Ref] = name
	}
	info := d.f.GetImageInfo(name)
	if info == nil {
		return
	}
	// Fit inside the box, keeping the aspect ratio, centred; a shaped
	// picture covers its box instead and is clipped to the shape.
	iw, ih := info.Width(), info.Height()
	scale := min(v.W/iw, v.H/ih)
	switch v.Shape {
	case layout.Round:
		scale = max(v.W/iw, v.H/ih)
		d.f.ClipCircle(v.X+v.W/2, v.Y+v.H/2, min(v.W, v.H)/2, false)
	case layout.Rounded:
		scale = max(v.W/iw, v.H/ih)
		d.f.ClipRoundedRect(v.X, v.Y, v.W, v.H, min(v.W, v.H)*0.15, false)
	}
	w, h := iw*scale, ih*scale
	d.f.ImageOptions(name, v.X+(v.W-w)/2, v.Y+(v.H-h)/2, w, h, false, fpdf.ImageOptions{ImageType: img.Format}, 0, "")
	if v.Shape != layout.Whole {
		d.f.ClipEnd()
	}
}
