package pdf

import (
	"crypto/sha256"
	"fmt"
	"html"
	"io"
	"math"
	"strings"
	"time"

	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/layout"
)

// doc is the state of one document being written by the project's own
// writer.
type doc struct {
	pdf    *file
	fonts  fontSet
	images imageSet
	src    map[string]Image
	lang   string
	tags   structTree
	// last is the last text drawn with no element of its own, and the
	// element it was given, on the page being drawn.
	last   layout.Text
	lastEl *layout.Element
	lastOn int
}

// loose gives text that layout placed without an element (a page composed
// by hand) one: the element of the line above when this line continues it
// (same font and left edge, the next line down), else a new paragraph, or
// a heading for large bold text (H1, H2).
func (o *doc) loose(c *canvas, v layout.Text) *layout.Element {
	p := o.last
	lh := v.Font.LineHeight()
	if o.lastEl != nil && o.lastOn == c.page && p.Font == v.Font && math.Abs(p.X-v.X) < 0.5 && v.Y > p.Y && v.Y-p.Y <= 1.6*lh {
		o.last = v
		return o.lastEl
	}
	el := &layout.Element{Role: "P"}
	h1, h2 := 18.0, 14.0
	if v.Font.Family == "andika" {
		// The children's book is set large throughout: its headings are
		// 30 pt and its title 38 pt; names under pictures are 20 to 26.
		h1, h2 = 34, 28
	}
	if bold := strings.Contains(v.Font.Style, "B"); bold && v.Font.Size >= h1 {
		el.Role = "H1"
	} else if bold && v.Font.Size >= h2 {
		el.Role = "H2"
	}
	o.last, o.lastEl, o.lastOn = v, el, c.page
	return el
}

// writeOwn writes d with the project's own PDF layer: text shaped with
// go-text and embedded as subset CID fonts, pictures as images or vector
// paths, links, attachments, metadata.
func writeOwn(w io.Writer, d Document) error {
	_, err := writeDoc(w, d)
	return err
}

// writeDoc is writeOwn, returning the document's state (its structure
// tree) for tests.
func writeDoc(w io.Writer, d Document) (*doc, error) {
	o := &doc{pdf: newFile(), src: d.Images, lang: firstNonEmpty(d.Meta.Language, "en-GB")}
	pagesRef, resRef := o.pdf.reserve(), o.pdf.reserve()
	var attachments []string
	for i, a := range d.Attachments {
		ef := o.pdf.embeddedFile(a.Data)
		spec := o.pdf.add(fmt.Sprintf("<< /Type /Filespec /F () /UF %s /EF << /F %s >> /Desc %s\n>>", utf16Text(a.Name), ef, utf16Text(a.Description)))
		attachments = append(attachments, fmt.Sprintf("(Attachement%d) %s", i+1, spec))
	}
	var kids []string
	wPt, hPt := num(d.Spec.W*ptPerMM), num(d.Spec.H*ptPerMM)
	for range d.Pages {
		o.tags.pageRefs = append(o.tags.pageRefs, o.pdf.reserve())
	}
	o.tags.pages = make([][]*sElem, len(d.Pages))
	for i, p := range d.Pages {
		c := &canvas{c: getBuffer(), h: d.Spec.H, page: i}
		if d.Decorate != nil {
			// Page furniture (marking, page numbers) is an artifact.
			for _, it := range d.Decorate(i, len(d.Pages)) {
				c.c.WriteString("/Artifact <</Type /Pagination>> BDC\n")
				if err := o.draw(c, it, true); err != nil {
					return nil, err
				}
				c.c.WriteString("EMC\n")
			}
		}
		// Backgrounds first, so a fill never covers text that overhangs
		// into the next strip of a table row.
		for _, it := range p.Items {
			if isBackground(it) {
				if err := o.draw(c, it, false); err != nil {
					return nil, err
				}
			}
		}
		for _, it := range p.Items {
			if !isBackground(it) {
				if err := o.draw(c, it, false); err != nil {
					return nil, err
				}
			}
		}
		content := o.pdf.addStream("", c.c.Bytes(), true)
		putBuffer(c.c)
		annots := ""
		if len(c.annots) > 0 {
			var refs []string
			for k, a := range c.annots {
				if el := c.annotEls[k]; el != nil {
					// The link's structure element holds the annotation.
					r := o.pdf.reserve()
					key := o.tags.linkKey(el, r, i)
					o.pdf.obj(r, fmt.Sprintf("%s /StructParent %d >>", a, key))
					refs = append(refs, r.String())
					continue
				}
				refs = append(refs, o.pdf.add(a+" >>").String())
			}
			annots = " /Annots [" + strings.Join(refs, " ") + "]"
		}
		pg := o.tags.pageRefs[i]
		o.pdf.obj(pg, fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources %s /Contents %s%s /StructParents %d /Tabs /S >>", pagesRef, wPt, hPt, resRef, content, annots, i))
		kids = append(kids, pg.String())
	}
	if err := o.fonts.write(o.pdf); err != nil {
		return nil, err
	}
	var res strings.Builder
	res.WriteString("<< /ProcSet [/PDF /Text /ImageB /ImageC] ")
	if len(o.fonts.list) > 0 {
		res.WriteString("/Font <<")
		for _, f := range o.fonts.list {
			fmt.Fprintf(&res, " /%s %s", f.name, f.ref)
		}
		res.WriteString(" >> ")
	}
	if len(o.images.list) > 0 {
		res.WriteString("/XObject <<")
		for _, im := range o.images.list {
			fmt.Fprintf(&res, " /%s %s", im.name, im.ref)
		}
		res.WriteString(" >> ")
	}
	res.WriteString(">>")
	o.pdf.obj(resRef, res.String())
	o.pdf.obj(pagesRef, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	info := o.pdf.add(infoDict(d.Meta))
	meta := o.pdf.addStream("/Type /Metadata /Subtype /XML ", xmp(d.Meta, o.lang), false)
	tree := o.tags.write(o.pdf)
	cat := fmt.Sprintf("<< /Type /Catalog /Pages %s /Lang %s /Metadata %s /ViewerPreferences << /DisplayDocTitle true >> /MarkInfo << /Marked true >> /StructTreeRoot %s", pagesRef, text(o.lang), meta, tree)
	if len(attachments) > 0 {
		cat += " /Names << /EmbeddedFiles << /Names [" + strings.Join(attachments, " ") + "] >> >>"
	}
	root := o.pdf.add(cat + " >>")
	sum := sha256.Sum256(o.pdf.buf.Bytes())
	return o, o.pdf.finish(w, root, info, sum[:16])
}

// draw draws one item, marked as content of its element or, for shapes
// and anything inside page furniture (furniture), as an artifact.
func (o *doc) draw(c *canvas, it layout.Item, furniture bool) error {
	switch v := it.(type) {
	case layout.Text:
		if furniture {
			return c.text(&o.fonts, o.pdf, v, o.lang)
		}
		el := v.El
		if el == nil {
			el = o.loose(c, v)
		}
		if v.Link != "" {
			el = &layout.Element{Role: "Link", Parent: el}
		}
		c.link = o.tags.begin(c, c.page, el, v.X, v.Text)
		err := c.text(&o.fonts, o.pdf, v, o.lang)
		c.link = nil
		o.tags.end(c)
		return err
	case layout.Rect:
		o.artifact(c, furniture, func() { c.rect(v) })
	case layout.Line:
		o.artifact(c, furniture, func() { c.line(v) })
	case layout.Circle:
		o.artifact(c, furniture, func() { c.circle(v) })
	case layout.Picture:
		if furniture {
			return o.picture(c, v)
		}
		el := v.El
		if el == nil {
			el = &layout.Element{Role: "Figure"}
		}
		if el.Role == "Figure" && el.Alt == "" {
			el.Alt = pictureAlt(v.Ref)
		}
		o.tags.begin(c, c.page, el, v.X, "")
		err := o.picture(c, v)
		o.tags.end(c)
		return err
	}
	return nil
}

// artifact draws a shape as an artifact (unless already inside one).
func (o *doc) artifact(c *canvas, furniture bool, draw func()) {
	if !furniture {
		c.c.WriteString("/Artifact BMC\n")
	}
	draw()
	if !furniture {
		c.c.WriteString("EMC\n")
	}
}

func (o *doc) picture(c *canvas, v layout.Picture) error {
	if name, ok := strings.CutPrefix(v.Ref, "library:"); ok {
		if p, ok := illustration.Lookup(name); ok {
			c.illustration(p, v.X, v.Y, v.W, v.H)
		}
		return nil
	}
	img, ok := o.src[v.Ref]
	if !ok {
		return nil
	}
	im, err := o.images.get(img, o.pdf)
	if err != nil {
		return err
	}
	// Fit inside the box, keeping the aspect ratio, centred; a shaped
	// picture covers its box instead and is clipped to the shape.
	iw, ih := float64(im.w), float64(im.h)
	scale := min(v.W/iw, v.H/ih)
	c.c.WriteString("q\n")
	switch v.Shape {
	case layout.Round:
		scale = max(v.W/iw, v.H/ih)
		c.circlePath(v.X+v.W/2, v.Y+v.H/2, min(v.W, v.H)/2)
		c.c.WriteString("W n\n")
	case layout.Rounded:
		scale = max(v.W/iw, v.H/ih)
		c.rectPath(v.X, v.Y, v.W, v.H, min(v.W, v.H)*0.15)
		c.c.WriteString("W n\n")
	}
	w, h := iw*scale, ih*scale
	x, y := v.X+(v.W-w)/2, v.Y+(v.H-h)/2
	fmt.Fprintf(c.c, "%s 0 0 %s %s %s cm\n/%s Do\nQ\n", num(w*ptPerMM), num(h*ptPerMM), c.x(x), c.y(y+h), im.name)
	return nil
}

func pdfDate(t time.Time) string {
	return t.UTC().Format("D:20060102150405Z")
}

func infoDict(m Meta) string {
	var b strings.Builder
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", m.Title}, {"Subject", m.Subject}, {"Author", m.Author}, {"Keywords", m.Keywords}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " /%s %s", kv[0], text(kv[1]))
		}
	}
	fmt.Fprintf(&b, " /Creator (safetyplan) /Producer (safetyplan) /CreationDate (%s) /ModDate (%s) >>", pdfDate(m.Created), pdfDate(m.Created))
	return b.String()
}

// xmp is the document's XMP metadata packet: what the info dictionary
// says, for readers (and PDF/UA checkers) that look there.
func xmp(m Meta, lang string) []byte {
	e := html.EscapeString
	date := m.Created.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n")
	fmt.Fprintf(&b, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>`+"\n", e(m.Title))
	if m.Subject != "" {
		fmt.Fprintf(&b, `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>`+"\n", e(m.Subject))
	}
	if m.Author != "" {
		fmt.Fprintf(&b, `<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>`+"\n", e(m.Author))
	}
	fmt.Fprintf(&b, `<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>`+"\n", e(lang))
	if m.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", e(m.Keywords))
	}
	fmt.Fprintf(&b, "<pdf:Producer>safetyplan</pdf:Producer><xmp:CreatorTool>safetyplan</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
