package render

import (
	"bytes"
	"github.com/familynetwork/safetyplan/internal/plan"
	"time"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/templates"
)

// document is what every document shares: pages laid out from blocks,
// decorated with the marking, reference, date and page numbers.
type document struct {
	spec     layout.PageSpec
	blocks   []layout.Block
	pages    []layout.Page // when composed page by page instead of from blocks
	title    string
	subject  string
	keywords string
	header   bool // adult documents: marking top and bottom
	// copy says on every page whose copy this is ("Network copy"), in
	// the header of adult documents.
	copy        string
	attachments []pdf.Attachment
	images      map[string]pdf.Image
	// footer, when set, replaces the adult decorations (marking, reference,
	// "Page X of Y"): the child's document has its own quiet footer.
	footer func(i, n int) []layout.Item
	// language is the document's language when it differs from the case's
	// family language (the child's document names its own).
	language string
	// dateLine, when set, replaces "Plan of DATE, version N" in the header:
	// a meeting's form is dated by its meeting.
	dateLine string
}

func (d document) write(in *Input, opt Options) ([]byte, error) {
	p := in.Plan
	lang := d.lang(p)
	// Measured in the document's language, as the writer draws it.
	m := pdf.SharedMeasurer().ForLanguage(lang)
	pages := d.layout(m)
	if opt.laidOut != nil {
		opt.laidOut(pages)
	}
	marking := opt.marking()
	ref := p.Case.Reference
	w := opt.wording().For(lang)
	dateLine := w.Text("doc.dateline", "date", longDate(w, p.Date()), "version", itoa(p.Version()))
	if d.dateLine != "" {
		dateLine = d.dateLine
	}
	decorate := d.footer
	if decorate == nil {
		decorate = func(i, n int) []layout.Item {
			page := w.Text("doc.page", "page", itoa(i+1), "pages", itoa(n))
			f, fb := font("", 8), font("B", 8.5)
			W := d.spec.W
			var items []layout.Item
			if d.header {
				mw := m.Width(fb, marking)
				// The copy's name on the left, the reference and date on
				// the right; without a copy name, the reference on the left.
				right := ref + "   " + dateLine
				if d.copy == "" {
					right = dateLine
					items = append(items, layout.Text{X: d.spec.Left, Y: 13, W: m.Width(f, ref), Font: f, Color: grey, Text: ref})
				} else {
					cf := font("B", 8.5)
					items = append(items, layout.Text{X: d.spec.Left, Y: 12.8, W: m.Width(cf, d.copy), Font: cf, Color: accent, Text: d.copy})
				}
				items = append(items,
					layout.Text{X: (W - mw) / 2, Y: 8, W: mw, Font: fb, Color: ink, Text: marking},
					layout.Text{X: W - d.spec.Right - m.Width(f, right), Y: 13, W: m.Width(f, right), Font: f, Color: grey, Text: right},
					layout.Line{X1: d.spec.Left, Y1: 17.5, X2: W - d.spec.Right, Y2: 17.5, Color: rule, Width: 0.3},
					layout.Line{X1: d.spec.Left, Y1: d.spec.H - 16, X2: W - d.spec.Right, Y2: d.spec.H - 16, Color: rule, Width: 0.3},
					layout.Text{X: (W - mw) / 2, Y: d.spec.H - 11, W: mw, Font: fb, Color: ink, Text: marking},
					layout.Text{X: d.spec.Left, Y: d.spec.H - 11, W: m.Width(f, opt.council()), Font: f, Color: grey, Text: opt.council()},
				)
			}
			pw := m.Width(f, page)
			items = append(items, layout.Text{X: W - d.spec.Right - pw, Y: d.spec.H - 11, W: pw, Font: f, Color: grey, Text: page})
			return items
		}
	}
	var buf bytes.Buffer
	err := pdf.Write(&buf, pdf.Document{
		Spec: d.spec, Pages: pages, Decorate: decorate,
		Meta: pdf.Meta{Title: d.title, Subject: d.subject, Author: opt.council(), Keywords: d.keywords,
			Language: lang, Created: created(in)},
		Attachments: d.attachments, Images: d.images,
	})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// layout is the document's pages: its blocks paginated, or the pages it
// was composed as.
func (d document) layout(m *pdf.Measurer) []layout.Page {
	if d.pages != nil {
		return d.pages
	}
	return layout.Paginate(m, d.spec, d.blocks)
}

// lang is the document's language: its own, else the family's.
func (d document) lang(p *plan.Plan) string {
	return firstNonEmpty(d.language, p.Case.FamilyLanguage, "en-GB")
}

// measurer measures in the document's language, as the writer draws it.
func (d document) measurer(p *plan.Plan) *pdf.Measurer {
	return pdf.SharedMeasurer().ForLanguage(d.lang(p))
}

// created is the plan's date at midday UTC: the same plan always gives the
// same bytes.
func created(in *Input) time.Time {
	return in.Plan.Date().Time()
}

func (o Options) wording() *templates.Wording {
	if o.Wording != nil {
		return o.Wording
	}
	return defaultWording
}

var defaultWording = templates.Default()

func (o Options) marking() string { return firstNonEmpty(o.Marking, "OFFICIAL-SENSITIVE") }

func (o Options) council() string { return firstNonEmpty(o.Council, "Children and Families Services") }
