package render

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/markdown"
	"github.com/familynetwork/safetyplan/internal/pdf"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// Part chooses the part of the Words and Pictures document to make.
type Part string

// The parts.
const (
	// PartBoth is the explanation followed by the picture safety plan.
	PartBoth Part = "both"
	// PartExplanation is the child's story of why the worker is involved.
	PartExplanation Part = "explanation"
	// PartSafetyPlan is the picture safety plan.
	PartSafetyPlan Part = "safety-plan"
)

// ParsePart checks a part name; "" means both.
func ParsePart(s string) (Part, error) {
	switch Part(s) {
	case "", PartBoth:
		return PartBoth, nil
	case PartExplanation, PartSafetyPlan:
		return Part(s), nil
	}
	return "", plan.Problems{{Path: "part", Code: plan.CodeEnum,
		Message: fmt.Sprintf("part %q is not one of: explanation, safety-plan, both", clip(s))}}
}

// ParseContacts reads the contacts choice: "shared" (the default) shows
// the numbers of people who agreed to share them; "none" shows nobody's.
// It returns true for none.
func ParseContacts(s string) (bool, error) {
	switch s {
	case "", "shared":
		return false, nil
	case "none":
		return true, nil
	}
	return false, plan.Problems{{Path: "contacts", Code: plan.CodeEnum,
		Message: fmt.Sprintf("contacts %q is not one of: shared, none (none leaves every personal phone number out)", clip(s))}}
}

// WordsOptions choose the child's copy.
type WordsOptions struct {
	// Part is the explanation, the safety plan or both (the default).
	Part Part
	// NoContacts leaves every personal phone number out, for cases where
	// a number in the child's hands is a danger (domestic abuse).
	NoContacts bool
}

// WordsAndPictures renders the child's Words and Pictures document:
// landscape picture-book pages, one idea per page, in Andika at 20 pt or
// more. It is the child's copy: a phone number appears only for a person
// who agreed to share it, and with NoContacts for nobody.
func WordsAndPictures(in *Input, opt Options, wo WordsOptions) ([]byte, error) {
	doc, err := composeWords(in, opt, wo)
	if err != nil {
		return nil, err
	}
	return doc.write(in, opt)
}

// composeWords lays out the child's pages.
func composeWords(in *Input, opt Options, wo WordsOptions) (document, error) {
	if wo.Part == "" {
		wo.Part = PartBoth
	}
	c := &wpc{in: in, p: redact(in.Plan, Child, wo.NoContacts), w: opt.wording(), m: pdf.SharedMeasurer(), marking: opt.marking()}
	wp := c.p.WordsAndPictures
	var expl *plan.Story
	if wp != nil {
		expl = wp.Explanation
	}
	if wo.Part == PartExplanation && expl == nil {
		return document{}, plan.Problems{{Path: "words_and_pictures.explanation", Code: plan.CodeRequired,
			Message: "this plan has no Words and Pictures explanation yet: write its pages, or ask for part=safety-plan"}}
	}
	title := c.w.Text("wp.title") + " – " + c.childNames()
	if wo.Part != PartSafetyPlan && expl != nil {
		c.story(expl, expl.Title)
		title = expl.Title
	}
	if wo.Part != PartExplanation {
		c.safetyPlan()
		if wo.Part == PartSafetyPlan || expl == nil {
			title = c.planTitle()
		}
	}
	lang := ""
	if wp != nil {
		lang = wp.Language
	}
	return document{
		spec:     wpSpec,
		pages:    c.pages,
		title:    title,
		subject:  c.w.Text("wp.subject"),
		keywords: in.Plan.Case.Reference,
		footer:   c.footer,
		language: lang,
		images:   in.images(c.refs),
	}, nil
}

// A4 landscape, with a quiet band at the foot for the page number.
var wpSpec = layout.PageSpec{W: 297, H: 210, Left: 16, Right: 16, Top: 16, Bottom: 26}

// The picture-book palette: warm, calm, and still clear in black and white.
var (
	wpInk    = layout.Color{R: 0x22, G: 0x22, B: 0x22}
	wpAccent = layout.Color{R: 0x1b, G: 0x5e, B: 0x6b}
	wpSoft   = layout.Color{R: 0x6b, G: 0x6b, B: 0x6b}
	wpFrame  = layout.Color{R: 0xfb, G: 0xf5, B: 0xe6}
	wpRing   = layout.Color{R: 0xd9, G: 0xcf, B: 0xb8}
)

// Text sizes in points: never under 20 for anything a child reads.
const (
	wpBody    = 24.0
	wpSmaller = 20.0
	wpHeading = 30.0
	wpTitle   = 38.0
)

func andika(style string, size float64) layout.Font {
	return layout.Font{Family: "andika", Style: style, Size: size}
}

// wpc composes the Words and Pictures pages.
type wpc struct {
	in      *Input
	p       *plan.Plan // the child's copy: compose from this only
	w       *templates.Wording
	m       layout.Measurer
	marking string
	pages   []layout.Page
	numbers []bool   // whether each page shows its number
	refs    []string // picture keys used, to prepare photos for
}

func (c *wpc) add(items []layout.Item, numbered bool) {
	c.pages = append(c.pages, layout.Page{Items: items})
	c.numbers = append(c.numbers, numbered)
}

// footer is quiet: the page number, and the protective marking small and
// grey instead of a banner across the top of a child's book.
func (c *wpc) footer(i, n int) []layout.Item {
	s := wpSpec
	var items []layout.Item
	if c.numbers[i] {
		num := itoa(i + 1)
		f := andika("", 14)
		w := c.m.Width(f, num)
		items = append(items, layout.Text{X: (s.W - w) / 2, Y: s.H - 17, W: w, Font: f, Color: wpSoft, Text: num})
	}
	f := font("", 6.5)
	w := c.m.Width(f, c.marking)
	items = append(items, layout.Text{X: s.W - s.Right - w, Y: s.H - 9, W: w, Font: f, Color: rule, Text: c.marking})
	return items
}

// childNames are the names the children use, joined: "Kayden and Mia".
func (c *wpc) childNames() string {
	var out []string
	for _, ch := range c.p.Children {
		out = append(out, childName(ch))
	}
	return plan.JoinAnd(out)
}

func childName(ch plan.Child) string {
	if ch.KnownAs != "" {
		return ch.KnownAs
	}
	first, _, _ := strings.Cut(strings.TrimSpace(ch.Name), " ")
	return first
}

func (c *wpc) planTitle() string {
	if wp := c.p.WordsAndPictures; wp != nil && wp.SafetyPlan != nil {
		return wp.SafetyPlan.Title
	}
	return c.w.Text("wp.plan.default", "names", c.childNames())
}

// story adds a title page and one page per page of the story.
func (c *wpc) story(s *plan.Story, title string) {
	c.titlePage(title, s.CoCreatedWith)
	for _, pg := range s.Pages {
		c.picturePage(pg.Picture, "", c.paras(pg.Text))
	}
}

// safetyPlan adds part two: the title page, the people who help me, the
// worker's own pages, a page per rule, what to do when worried, and the
// numbers a child can always call.
func (c *wpc) safetyPlan() {
	var s *plan.Story
	if wp := c.p.WordsAndPictures; wp != nil {
		s = wp.SafetyPlan
	}
	var with []string
	if s != nil {
		with = s.CoCreatedWith
	}
	c.titlePage(c.planTitle(), with)
	c.people()
	if s != nil {
		for _, pg := range s.Pages {
			c.picturePage(pg.Picture, "", c.paras(pg.Text))
		}
	}
	for _, r := range c.p.Arrangements.Rules {
		if strings.TrimSpace(r.ChildWords) == "" {
			continue
		}
		c.picturePage(c.rulePicture(r), "", c.paras(r.ChildWords))
	}
	c.worried()
	c.numbersPage()
	c.phonesPage()
}

// rulePicture is the rule's own picture, else that of the first person
// who does it, else a picture of a safe home.
func (c *wpc) rulePicture(r plan.Rule) string {
	if r.Picture != "" {
		return r.Picture
	}
	for _, id := range r.Who {
		if i, ok := c.p.Lookup(id); ok && i.Picture != "" {
			return i.Picture
		}
	}
	return "library:safe"
}

// helpers are the people on the "people who help me" page.
func (c *wpc) helpers() []plan.Individual {
	return helpers(c.p)
}

func helpers(p *plan.Plan) []plan.Individual {
	var ids []string
	if wp := p.WordsAndPictures; wp != nil && len(wp.Helpers) > 0 {
		ids = wp.Helpers
	} else {
		named := map[string]bool{}
		for _, r := range p.Arrangements.Rules {
			for _, id := range append(append([]string(nil), r.Who...), r.Backup...) {
				named[id] = true
			}
		}
		for _, x := range p.Arrangements.Contingencies {
			for _, id := range x.Who {
				named[id] = true
			}
		}
		for _, x := range p.People {
			switch {
			case len(p.Arrangements.Rules) == 0 && x.Role != "parent":
			case named[x.ID] && (x.Role != "parent" || x.ShareContact):
			default:
				continue
			}
			ids = append(ids, x.ID)
		}
	}
	var out []plan.Individual
	seen := map[string]bool{}
	for _, id := range ids {
		if i, ok := p.Lookup(id); ok && !seen[id] {
			seen[id] = true
			out = append(out, i)
		}
	}
	return out
}

// --- pages -----------------------------------------------------------------

// titlePage is the title, the children's pictures and names, and who made
// the book with the worker.
func (c *wpc) titlePage(title string, with []string) {
	s := wpSpec
	var items []layout.Item
	y := 24.0
	for _, l := range layout.Wrap(c.m, plain(title, andika("B", wpTitle), wpAccent), s.ContentWidth()) {
		items = append(items, centred(l, s.W, y)...)
		y += l.H
	}
	kids := c.p.Children
	n := max(len(kids), 1)
	gap := 14.0
	d := min(78, (s.ContentWidth()-gap*float64(n-1))/float64(n))
	if n > 3 {
		d = min(d, 56)
	}
	top := y + 14
	if len(kids) > 0 {
		rowW := d*float64(len(kids)) + gap*float64(len(kids)-1)
		x := (s.W - rowW) / 2
		for _, ch := range kids {
			items = append(items, c.portrait(x, top, d, ch.Picture, childName(ch))...)
			ny := top + d + 4
			for _, l := range layout.Wrap(c.m, plain(childName(ch), andika("B", 26), wpInk), d+gap) {
				items = append(items, centredAt(l, x+d/2, ny)...)
				ny += l.H
			}
			x += d + gap
		}
	}
	if names := c.names(with); names != "" {
		by := s.H - s.Bottom - 8
		for _, l := range layout.Wrap(c.m, plain(c.w.Text("wp.made_with", "names", names), andika("", wpSmaller), wpSoft), s.ContentWidth()) {
			items = append(items, centred(l, s.W, by)...)
			by += l.H
		}
	}
	c.add(items, false)
}

// names joins the names a child uses for the given ids.
func (c *wpc) names(ids []string) string {
	return plan.JoinAnd(shortNames(c.p, ids))
}

// people is the grid of the people who help me, each with their picture
// and the name the child uses; more than eight go on to another page.
func (c *wpc) people() {
	hs := c.helpers()
	if len(hs) == 0 {
		return
	}
	s := wpSpec
	for start := 0; start < len(hs); start += 8 {
		group := hs[start:min(start+8, len(hs))]
		heading := c.w.Text("wp.people.heading")
		if start > 0 {
			heading = c.w.Text("wp.people.more")
		}
		var items []layout.Item
		y := s.Top + 2
		for _, l := range layout.Wrap(c.m, plain(heading, andika("B", wpHeading), wpAccent), s.ContentWidth()) {
			items = append(items, centred(l, s.W, y)...)
			y += l.H
		}
		cols, d := 3, 50.0
		switch n := len(group); {
		case n <= 3:
			cols, d = n, 70
		case n == 4:
			cols, d = 4, 56
		case n > 6:
			cols, d = 4, 46
		}
		rows := (len(group) + cols - 1) / cols
		cellW := s.ContentWidth() / float64(cols)
		nameH := 2 * andika("", wpSmaller).LineHeight()
		rowH := d + 4 + nameH
		gridTop := y + 6 + (s.H-s.Bottom-(y+6)-float64(rows)*rowH)/2
		for k, h := range group {
			row, col := k/cols, k%cols
			inRow := min(cols, len(group)-row*cols)
			x0 := s.Left + (s.ContentWidth()-float64(inRow)*cellW)/2 + float64(col)*cellW
			cy := gridTop + float64(row)*rowH
			items = append(items, c.portrait(x0+(cellW-d)/2, cy, d, h.Picture, h.Short())...)
			ny := cy + d + 3
			lines := layout.Wrap(c.m, plain(h.Short(), andika("B", wpSmaller), wpInk), cellW-6)
			for _, l := range lines[:min(2, len(lines))] {
				items = append(items, centredAt(l, x0+cellW/2, ny)...)
				ny += l.H
			}
		}
		c.add(items, true)
	}
}

// worried says what the child can do when worried or scared.
func (c *wpc) worried() {
	var names []string
	for _, h := range c.helpers() {
		names = append(names, h.Short())
	}
	var paras []wpPara
	if len(names) > 0 {
		paras = append(paras, bulleted(c.w.Text("wp.worried.tell", "names", joinOr(names, c.w.Text("wp.or")))))
	}
	if lw := c.p.Case.LeadWorker; lw.Name != "" {
		paras = append(paras, bulleted(c.w.Text("wp.worried.worker", "name", firstName(lw.Name), "role", roleWords(lw.Role))))
	}
	paras = append(paras, bulleted(c.w.Text("wp.worried.childline")))
	paras = append(paras, wpPara{spans: plain(c.w.Text("wp.worried.always"), andika("B", wpBody), wpAccent), gap: 4})
	c.picturePage("library:talk", c.w.Text("wp.worried.heading"), paras)
}

// numbersPage gives Childline and 999, for every child.
func (c *wpc) numbersPage() {
	big := func(label, number string) []layout.Span {
		return append(plain(label+"  ", andika("B", 26), wpInk), plain(number, andika("B", 34), wpAccent)...)
	}
	paras := []wpPara{
		{spans: big(c.w.Text("wp.numbers.childline"), c.w.Text("wp.numbers.childline.number"))},
		{spans: plain(c.w.Text("wp.numbers.childline.note"), andika("", wpSmaller), wpInk)},
		{spans: big(c.w.Text("wp.numbers.emergency"), c.w.Text("wp.numbers.emergency.number")), gap: 10},
		{spans: plain(c.w.Text("wp.numbers.emergency.note"), andika("", wpSmaller), wpInk)},
	}
	c.picturePage("library:phone-call", c.w.Text("wp.numbers.heading"), paras)
}

// phonesPage lists the numbers of the child's people, only of those who
// agreed to share them (and nobody's with contacts=none).
func (c *wpc) phonesPage() {
	var paras []wpPara
	for _, h := range c.helpers() {
		if h.Phone != "" && !h.IsLeadWorker {
			paras = append(paras, c.phoneLine(h.Short(), h.Phone))
		}
	}
	if lw := c.p.Case.LeadWorker; lw.Phone != "" {
		paras = append(paras, c.phoneLine(c.w.Text("wp.phones.worker", "name", firstName(lw.Name), "role", roleWords(lw.Role)), lw.Phone))
	}
	if len(paras) == 0 {
		return
	}
	c.picturePage("library:phone", c.w.Text("wp.phones.heading"), paras)
}

func (c *wpc) phoneLine(name, phone string) wpPara {
	// A number never breaks across lines: its spaces do not wrap.
	phone = strings.ReplaceAll(strings.TrimSpace(phone), " ", "\u00a0")
	return wpPara{spans: append(plain(name+": ", andika("", wpSmaller+2), wpInk), plain(phone, andika("B", wpSmaller+2), wpInk)...), gap: 3}
}

// --- picture and words -----------------------------------------------------

// wpPara is one paragraph of a page's words.
type wpPara struct {
	spans  []layout.Span
	bullet bool
	gap    float64 // space above, in mm
}

func bulleted(s string) wpPara {
	return wpPara{spans: plain(s, andika("", wpBody), wpInk), bullet: true, gap: 2}
}

// paras turns a page's text (simple Markdown: paragraphs, lists, bold)
// into paragraphs at body size.
func (c *wpc) paras(src string) []wpPara {
	var out []wpPara
	for i, b := range markdown.Parse(fonts.Normalize(src)) {
		p := wpPara{bullet: b.Kind == markdown.ListItem}
		if i > 0 {
			p.gap = 5
			if p.bullet {
				p.gap = 2
			}
		}
		for _, r := range b.Runs {
			style := ""
			if r.Style&markdown.Bold != 0 {
				style = "B"
			}
			p.spans = append(p.spans, layout.Span{Text: r.Text, Font: andika(style, wpBody), Color: wpInk})
		}
		if len(p.spans) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// resize sets every span of ps to size, keeping bold; headline sizes
// (above the body size) are kept as they are.
func resize(ps []wpPara, size float64) []wpPara {
	out := make([]wpPara, len(ps))
	for i, p := range ps {
		p.spans = append([]layout.Span(nil), p.spans...)
		for j := range p.spans {
			if p.spans[j].Font.Size <= wpBody {
				p.spans[j].Font.Size = min(p.spans[j].Font.Size, size)
			}
		}
		out[i] = p
	}
	return out
}

// line is one line of words ready to place.
type line struct {
	layout.TextLine
	gap float64
}

// lay wraps paragraphs into lines no wider than width.
func (c *wpc) lay(ps []wpPara, width float64) []line {
	var out []line
	for _, p := range ps {
		indent := 0.0
		if p.bullet {
			indent = 8
		}
		for k, l := range layout.Wrap(c.m, p.spans, width-indent) {
			for j := range l.Items {
				l.Items[j].X += indent
			}
			if k == 0 && p.bullet {
				f := p.spans[0].Font
				l.Items = append(l.Items, layout.Text{X: 0, W: indent, Font: layout.Font{Family: f.Family, Size: f.Size}, Color: wpAccent, Text: "•"})
			}
			ln := line{TextLine: l}
			if k == 0 {
				ln.gap = p.gap
			}
			out = append(out, ln)
		}
	}
	return out
}

func height(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.gap + l.H
	}
	return h
}

// panelW is the width of the picture panel on a page of words.
const panelW = 138

// picturePage is a large picture on the left and the words beside it,
// with an optional heading above them. Words too long for the page shrink
// to 20 pt and then go on over as many pages as they need, the picture
// shown again on each.
func (c *wpc) picturePage(ref, heading string, ps []wpPara) {
	s := wpSpec
	top, bottom := s.Top, s.H-s.Bottom
	colH := bottom - top
	textX, textW := s.Left, s.ContentWidth()
	if ref != "" {
		textX = s.Left + panelW + 14
		textW = s.W - s.Right - textX
	}
	var head []line
	if heading != "" {
		head = c.lay([]wpPara{{spans: plain(heading, andika("B", wpHeading), wpAccent)}}, textW)
		head[len(head)-1].H += 5
	}
	body := c.lay(ps, textW)
	if height(head)+height(body) > colH {
		body = c.lay(resize(ps, wpSmaller), textW)
	}
	// Split into pages that fit; the heading goes on the first only.
	chunks := [][]line{}
	cur, curH := append([]line(nil), head...), height(head)
	for _, l := range body {
		if len(cur) > len(head) || len(chunks) > 0 {
			if curH+l.gap+l.H > colH && len(cur) > 0 {
				chunks = append(chunks, cur)
				cur, curH = nil, 0
				l.gap = 0
			}
		}
		cur = append(cur, l)
		curH += l.gap + l.H
	}
	chunks = append(chunks, cur)
	for _, ch := range chunks {
		var items []layout.Item
		if ref != "" {
			items = append(items, c.framed(s.Left, top, panelW, colH, ref)...)
		}
		y := top + max(0, (colH-height(ch))/2)
		for _, l := range ch {
			y += l.gap
			for _, t := range l.Items {
				items = append(items, layout.Translate(t, textX, y))
			}
			y += l.H
		}
		c.add(items, true)
	}
}

// framed is a picture on a soft rounded panel.
func (c *wpc) framed(x, y, w, h float64, ref string) []layout.Item {
	c.refs = append(c.refs, ref)
	return []layout.Item{
		layout.Rect{X: x, Y: y, W: w, H: h, Fill: &wpFrame, Radius: 6},
		layout.Picture{X: x + 9, Y: y + 9, W: w - 18, H: h - 18, Ref: ref},
	}
}

// portrait is a person's picture in a circle of diameter d: a photo or
// drawing clipped to the circle, an illustration inside it, or their
// initial when they have no picture.
func (c *wpc) portrait(x, y, d float64, ref, name string) []layout.Item {
	r := d / 2
	items := []layout.Item{layout.Circle{X: x + r, Y: y + r, R: r, Fill: &wpFrame}}
	switch {
	case strings.HasPrefix(ref, "library:"):
		c.refs = append(c.refs, ref)
		in := d * 0.74
		items = append(items, layout.Picture{X: x + (d-in)/2, Y: y + (d-in)/2, W: in, H: in, Ref: ref})
	case ref != "":
		key := squarePrefix + ref
		c.refs = append(c.refs, key)
		items = append(items, layout.Picture{X: x, Y: y, W: d, H: d, Ref: key, Shape: layout.Round})
	default:
		initial := strings.ToUpper(string([]rune(strings.TrimSpace(name) + "?")[:1]))
		f := andika("B", d*1.2)
		w := c.m.Width(f, initial)
		items = append(items, layout.Text{X: x + r - w/2, Y: y + r - f.LineHeight()/2, W: w, Font: f, Color: wpAccent, Text: initial})
	}
	return append(items, layout.Circle{X: x + r, Y: y + r, R: r, Stroke: &wpRing})
}

// centred places a line centred across a page of width pageW.
func centred(l layout.TextLine, pageW, y float64) []layout.Item {
	return centredAt(l, pageW/2, y)
}

// centredAt places a line centred on x.
func centredAt(l layout.TextLine, x, y float64) []layout.Item {
	out := make([]layout.Item, 0, len(l.Items))
	for _, t := range l.Items {
		out = append(out, layout.Translate(t, x-l.W/2, y))
	}
	return out
}

// joinOr joins names the English way with "or": "a, b or c".
func joinOr(s []string, or string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + or + " " + s[len(s)-1]
}

// clip shortens what someone typed, to quote it back in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func firstName(name string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	return first
}

// roleWords is a job title as a child would hear it: "social worker".
func roleWords(role string) string {
	if role == "" {
		return "worker"
	}
	r := []rune(role)
	// Lower-case the title unless it is an acronym ("SENCO").
	if len(r) > 1 && !unicode.IsUpper(r[1]) {
		return strings.ToLower(role)
	}
	return role
}
