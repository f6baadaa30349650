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
	// Rounded shows photos of people as rounded squares instead of circles.
	Rounded bool
}

// ParseShape reads the photo shape: "circle" (the default) or "rounded".
// It returns true for rounded.
func ParseShape(s string) (bool, error) {
	switch s {
	case "", "circle":
		return false, nil
	case "rounded":
		return true, nil
	}
	return false, plan.Problems{{Path: "photos", Code: plan.CodeEnum,
		Message: fmt.Sprintf("photos %q is not one of: circle, rounded", clip(s))}}
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
	c := &wpc{in: in, p: withWorkerName(withPortraits(redact(in.Plan, Child, wo.NoContacts))), w: opt.wording().For(bookLanguage(in.Plan)), marking: opt.marking(), shape: layout.Round}
	if wp := c.p.WordsAndPictures; wp != nil {
		// Measured in the book's language, as the writer draws it (Urdu
		// is set in Nastaliq).
		c.m = pdf.SharedMeasurer().ForLanguage(firstNonEmpty(wp.Language, in.Plan.Case.FamilyLanguage, "en-GB"))
	} else {
		c.m = pdf.SharedMeasurer().ForLanguage(firstNonEmpty(in.Plan.Case.FamilyLanguage, "en-GB"))
	}
	if wo.Rounded {
		c.shape = layout.Rounded
	}
	c.helps = helpers(c.p)
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
		c.covered = true
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
		blocks:   c.blocks,
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
	blocks  []layout.Block // a page break and a full-page drawing per page
	numbers []bool         // whether each page shows its number
	refs    []string       // picture keys used, to prepare photos for
	shape   layout.Shape
	helps   []plan.Individual // the people who help me, worked out once
	covered bool              // the book already has a cover (the explanation's)
}

// t is the wording for key, in its ".many" form ("us", "we") when the
// book is for more than one child.
func (c *wpc) t(key string, pairs ...string) string {
	if len(c.p.Children) > 1 {
		if s := c.w.Text(key+".many", pairs...); s != key+".many" {
			return s
		}
	}
	return c.w.Text(key, pairs...)
}

// ctext is a span of a child's words: numbers never break across lines.
func ctext(s string, f layout.Font, col layout.Color) []layout.Span {
	return []layout.Span{{Text: keepNumbers(fonts.Normalize(s)), Font: f, Color: col}}
}

// keepNumbers joins groups of digits with no-break spaces, so that a phone
// number is never split between two lines ("0800 1111").
func keepNumbers(s string) string {
	r := []rune(s)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == ' ' && unicode.IsDigit(r[i-1]) && (unicode.IsDigit(r[i+1]) || r[i+1] == '+') {
			r[i] = '\u00a0'
		}
	}
	return string(r)
}

// add adds a page of the given kind ("title", "people", "words", "end"),
// its items placed on the page.
func (c *wpc) add(kind string, items []layout.Item, numbered bool) {
	s := wpSpec
	moved := make([]layout.Item, len(items))
	for i, it := range items {
		moved[i] = layout.Translate(it, -s.Left, -s.Top)
	}
	c.blocks = append(c.blocks, layout.PageBreak{}, layout.Fixed{H: s.ContentHeight(), Items: moved, Kind: kind})
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
	f := font("", 7.5)
	w := c.m.Width(f, c.marking)
	items = append(items, layout.Text{X: s.W - s.Right - w, Y: s.H - 10, W: w, Font: f, Color: wpSoft, Text: c.marking})
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
	return firstName(ch.Name)
}

// story adds a title page and one page per page of the story.
func (c *wpc) story(s *plan.Story, title string) {
	c.titlePage(title, s.CoCreatedWith)
	for _, pg := range s.Pages {
		c.picturePage(pg.Picture, "", c.paras(pg.Text))
	}
}

// safetyPlan adds part two: the title page, the people who help me, the
// worker's own pages, a page per rule, what to do when worried, the
// numbers to call, and a last page to make the plan the child's own.
func (c *wpc) safetyPlan() {
	var s *plan.Story
	if wp := c.p.WordsAndPictures; wp != nil {
		s = wp.SafetyPlan
	}
	var with []string
	if s != nil {
		with = s.CoCreatedWith
	}
	// Before there is any plan to show, the book is only who helps and
	// the numbers to call: no cover calling it a plan, no "we made this
	// plan" page.
	ready := hasChildRules(c.p) || (s != nil && len(s.Pages) > 0)
	if ready || !c.covered {
		// A cover with the children's names and pictures: the plan's, or,
		// before there is a plan, "The people who help Ana".
		c.titlePage(c.planTitle(), with)
	}
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
	c.phonesPages()
	if ready {
		c.endPage()
	}
}

// planTitle is the picture safety plan's title; before there is anything
// of a plan to show (no pages, no rule in the child's words) the book
// does not call itself a safety plan.
func (c *wpc) planTitle() string {
	if wp := c.p.WordsAndPictures; wp != nil && wp.SafetyPlan != nil {
		return wp.SafetyPlan.Title
	}
	if !hasChildRules(c.p) {
		return c.w.Text("wp.helpers.title", "names", c.childNames())
	}
	return c.w.Text("wp.plan.default", "names", c.childNames())
}

func hasChildRules(p *plan.Plan) bool {
	for _, r := range p.Arrangements.Rules {
		if strings.TrimSpace(r.ChildWords) != "" {
			return true
		}
	}
	return false
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

// helpers are the people on the child's "people who help me" page: the
// worker's list when there is one; otherwise everyone named in a rule (who
// or backup) or a contingency, or, before there are rules, the people; and
// last the lead worker. A parent who does not share their number is still
// someone who helps: the number is hidden, not the person (the advice
// says so, in case the worker means otherwise).
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
			if named[x.ID] || len(p.Arrangements.Rules) == 0 {
				ids = append(ids, x.ID)
			}
		}
		ids = append(ids, p.Case.LeadWorker.ID)
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

// childName is the name a helper goes by with the children: the worker by
// their first name.
func childNameOf(i plan.Individual) string {
	if i.IsLeadWorker && i.KnownAs == "" {
		return firstName(i.Name)
	}
	return i.Short()
}

// --- pages -----------------------------------------------------------------

// titlePage is the title, the children's pictures and names, and who made
// the book.
func (c *wpc) titlePage(title string, with []string) {
	s := wpSpec
	var items []layout.Item
	y := 24.0
	for _, l := range layout.Wrap(c.m, ctext(title, andika("B", wpTitle), wpAccent), s.ContentWidth()) {
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
			items = append(items, c.portrait(x, top, d, ch.Picture, childName(ch), false)...)
			ny := top + d + 4
			for _, l := range layout.Wrap(c.m, ctext(childName(ch), andika("B", 26), wpInk), d+gap) {
				items = append(items, centredAt(l, x+d/2, ny)...)
				ny += l.H
			}
			x += d + gap
		}
	}
	if names := c.names(with); names != "" {
		worker := workerName(c.p)
		by := s.H - s.Bottom - 8
		for _, l := range layout.Wrap(c.m, ctext(c.w.Text("wp.made_with", "worker", worker, "names", names), andika("", wpSmaller), wpSoft), s.ContentWidth()) {
			items = append(items, centred(l, s.W, by)...)
			by += l.H
		}
	}
	c.add("title", items, false)
}

// names joins the names a child uses for the given ids, leaving out the
// lead worker, who is named as the one who made the book.
func (c *wpc) names(ids []string) string {
	var others []string
	for _, id := range ids {
		if id != c.p.Case.LeadWorker.ID {
			others = append(others, id)
		}
	}
	return plan.JoinAnd(shortNames(c.p, others))
}

// people is the grid of the people who help me, each with their picture
// and the name the child uses; more than eight go on to another page.
func (c *wpc) people() {
	hs := c.helps
	if len(hs) == 0 {
		return
	}
	s := wpSpec
	for start := 0; start < len(hs); start += 8 {
		group := hs[start:min(start+8, len(hs))]
		heading := c.t("wp.people.heading")
		if start > 0 {
			heading = c.t("wp.people.more")
		}
		var items []layout.Item
		y := s.Top + 2
		for _, l := range layout.Wrap(c.m, ctext(heading, andika("B", wpHeading), wpAccent), s.ContentWidth()) {
			items = append(items, centred(l, s.W, y)...)
			y += l.H
		}
		cols, d := 3, 50.0
		switch n := len(group); {
		case n == 1:
			cols, d = 1, 92
		case n == 2:
			cols, d = 2, 84
		case n <= 4:
			cols, d = n, 60
		case n > 6:
			cols, d = 4, 46
		}
		rows := (len(group) + cols - 1) / cols
		cellW := s.ContentWidth() / float64(cols)
		nameH := 2 * andika("", wpSmaller).LineHeight()
		rowH := d + 4 + nameH
		gridTop := y + 4 + max(0, (s.H-s.Bottom-(y+4)-float64(rows)*rowH)/2)
		for k, h := range group {
			row, col := k/cols, k%cols
			inRow := min(cols, len(group)-row*cols)
			x0 := s.Left + (s.ContentWidth()-float64(inRow)*cellW)/2 + float64(col)*cellW
			cy := gridTop + float64(row)*rowH
			items = append(items, c.portrait(x0+(cellW-d)/2, cy, d, h.Picture, childNameOf(h), true)...)
			ny := cy + d + 3
			lines := layout.Wrap(c.m, ctext(childNameOf(h), andika("B", wpSmaller), wpInk), cellW-6)
			for _, l := range lines[:min(2, len(lines))] {
				items = append(items, centredAt(l, x0+cellW/2, ny)...)
				ny += l.H
			}
		}
		c.add("people", items, true)
	}
}

// childPicture is the picture of the only child, or "" for several.
func (c *wpc) childPicture() string {
	if len(c.p.Children) == 1 {
		return c.p.Children[0].Picture
	}
	return ""
}

// worried says what the child can do when worried or scared, over as
// many pages as 40 words a page need. After a rule page that already
// says what to do when worried ("If we feel worried or scared, we can
// knock next door…"), it does not say it again: it goes on with "We can
// also…" and leaves out the people that page named.
func (c *wpc) worried() {
	heading, said := c.t("wp.worried.heading"), c.worryRule()
	if said != "" {
		heading = c.t("wp.worried.also")
	}
	var names []string
	for _, h := range c.helps {
		if !h.IsLeadWorker && !namedIn(said, h) {
			names = append(names, childNameOf(h))
		}
	}
	var paras []wpPara
	// At most four names to a line, the lines as even as they can be.
	for k, groups := 0, (len(names)+3)/4; k < groups; k++ {
		group := names[k*len(names)/groups : (k+1)*len(names)/groups]
		paras = append(paras, c.bulleted(c.w.Text("wp.worried.tell", "names", joinOr(group, c.w.Text("wp.or")))))
	}
	if lw := c.p.Case.LeadWorker; lw.Name != "" {
		paras = append(paras, c.bulleted(c.t("wp.worried.worker", "name", workerName(c.p), "role", roleWords(lw.Role))))
	}
	paras = append(paras, c.bulleted(c.w.Text("wp.worried.childline")))
	paras = append(paras, wpPara{spans: ctext(c.w.Text("wp.worried.always"), andika("B", wpBody), wpAccent), gap: 4})
	pic := firstNonEmpty(c.childPicture(), c.children("calm"), "library:talk")
	pages := splitWords(paras, wordsPerPage, len(strings.Fields(heading)), len(strings.Fields(c.t("wp.worried.also"))))
	if n := len(pages); n > 1 && len(pages[n-1]) == 1 {
		// "Telling someone is always the right thing to do" closes the
		// list it follows: never a page of its own under "We can also…".
		pages[n-2] = append(pages[n-2], pages[n-1]...)
		pages = pages[:n-1]
	}
	for i, page := range pages {
		if i > 0 {
			heading = c.t("wp.worried.also")
		}
		c.fitPage(c.pagePicture(pic, ""), heading, page)
	}
}

// worryRule is the child's words of the last rule that already says what
// to do when worried or scared, or "".
func (c *wpc) worryRule() string {
	said := ""
	for _, r := range c.p.Arrangements.Rules {
		l := strings.ToLower(r.ChildWords)
		if strings.Contains(l, "worried") || strings.Contains(l, "scared") {
			said = r.ChildWords
		}
	}
	return said
}

// namedIn reports whether text names the person as the child knows them.
func namedIn(text string, i plan.Individual) bool {
	return text != "" && (wordIn(text, childNameOf(i)) || wordIn(text, firstName(i.Name)))
}

// numbersPage gives Childline and 999, for every child.
func (c *wpc) numbersPage() {
	big := func(label, number string) []layout.Span {
		return append(ctext(label+"  ", andika("B", 26), wpInk), ctext(number, andika("B", 34), wpAccent)...)
	}
	paras := []wpPara{
		{spans: big(c.w.Text("wp.numbers.childline"), c.w.Text("wp.numbers.childline.number"))},
		{spans: ctext(c.w.Text("wp.numbers.childline.note"), andika("", wpSmaller), wpInk)},
		{spans: big(c.w.Text("wp.numbers.emergency"), c.w.Text("wp.numbers.emergency.number")), gap: 8},
		{spans: ctext(c.w.Text("wp.numbers.emergency.note"), andika("", wpSmaller), wpInk)},
	}
	c.picturePage("library:phone", c.t("wp.numbers.heading"), paras)
}

// phonesPages list the numbers of the child's people: only of those who
// agreed to share them (and nobody's with contacts=none), eight to a page,
// each page with its heading.
func (c *wpc) phonesPages() {
	var lines []wpPara
	for _, h := range c.helps {
		switch {
		case h.Phone == "":
		case h.IsLeadWorker:
			lines = append(lines, c.phoneLine(c.t("wp.numbers.worker", "name", childNameOf(h), "role", roleWords(h.Role)), h.Phone))
		default:
			lines = append(lines, c.phoneLine(childNameOf(h), h.Phone))
		}
	}
	// A hug of this child and someone who helps, drawn as they look; a
	// phone when the plan does not say how they look (a stock picture of
	// people would show someone else's family).
	pic := "library:phone"
	if h := c.hug(); h != "" {
		pic = h
	}
	for start := 0; start < len(lines); start += 8 {
		c.picturePage(pic, c.t("wp.numbers.people"), lines[start:min(start+8, len(lines))])
	}
}

func (c *wpc) phoneLine(name, phone string) wpPara {
	return wpPara{spans: append(ctext(name+": ", andika("", wpSmaller+2), wpInk), ctext(phone, andika("B", wpSmaller+2), wpInk)...), gap: 3}
}

// endPage makes the plan the child's own: when it was made, when everyone
// looks at it again, and room for the child's drawing or words.
func (c *wpc) endPage() {
	s := wpSpec
	var items []layout.Item
	y := s.Top + 2
	for _, l := range layout.Wrap(c.m, ctext(c.t("wp.end.heading"), andika("B", wpHeading), wpAccent), s.ContentWidth()) {
		items = append(items, centred(l, s.W, y)...)
		y += l.H
	}
	y += 3
	for _, line := range []string{
		c.w.Text("wp.end.made", "date", longDate(c.w, c.p.Date())),
		c.w.Text("wp.end.review", "date", longDate(c.w, NextReview(c.in))),
	} {
		for _, l := range layout.Wrap(c.m, ctext(line, andika("", wpSmaller+2), wpInk), s.ContentWidth()) {
			items = append(items, centred(l, s.W, y)...)
			y += l.H
		}
	}
	y += 6
	box := layout.Rect{X: s.Left, Y: y, W: s.ContentWidth(), H: s.H - s.Bottom - y, Stroke: &wpRing, LineWidth: 0.8, Radius: 6}
	items = append(items, box)
	for _, l := range layout.Wrap(c.m, ctext(c.t("wp.end.draw"), andika("", wpSmaller), wpSoft), s.ContentWidth()-16) {
		items = append(items, centredAt(l, s.Left+8+l.W/2, y+5)...)
		y += l.H
	}
	c.add("end", items, true)
}

// --- picture and words -----------------------------------------------------

// wpPara is one paragraph of a page's words.
type wpPara struct {
	spans  []layout.Span
	bullet bool
	gap    float64 // space above, in mm
}

func (c *wpc) bulleted(s string) wpPara {
	return wpPara{spans: ctext(s, andika("", wpBody), wpInk), bullet: true, gap: 2}
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
			p.spans = append(p.spans, layout.Span{Text: keepNumbers(r.Text), Font: andika(style, wpBody), Color: wpInk}) // r.Text is normalised
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
// with an optional heading above them. A page has at most 40 words: more
// go on over more pages, the picture shown again on each; words too long
// for the page shrink to 20 pt and then go on the same way.
func (c *wpc) picturePage(ref, heading string, ps []wpPara) {
	ref = c.pagePicture(ref, parasText(ps))
	for i, page := range splitWords(ps, wordsPerPage, len(strings.Fields(heading)), 0) {
		if i > 0 {
			heading = ""
		}
		c.fitPage(ref, heading, page)
	}
}

// fitPage is one page of picture and words (more if the words do not fit
// at 20 pt).
func (c *wpc) fitPage(ref, heading string, ps []wpPara) {
	s := wpSpec
	top, bottom := s.Top, s.H-s.Bottom
	colH := bottom - top
	textX, textW := s.Left, s.ContentWidth()
	// A page in a right-to-left language (Urdu, Arabic) is read from the
	// right: its picture goes on the right, its text on the left.
	rtl := len(ps) > 0 && layout.ReadsRightToLeft(c.m, ps[0].spans)
	panelX := s.Left
	if ref != "" {
		textX = s.Left + panelW + 14
		textW = s.W - s.Right - textX
		if rtl {
			panelX, textX = s.W-s.Right-panelW, s.Left
		}
	}
	var head []line
	if heading != "" {
		head = c.lay([]wpPara{{spans: ctext(heading, andika("B", wpHeading), wpAccent)}}, textW)
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
			items = append(items, c.framed(panelX, top, panelW, colH, ref)...)
		}
		y := top + max(0, (colH-height(ch))/2)
		for _, l := range ch {
			y += l.gap
			for _, t := range l.Items {
				items = append(items, layout.Translate(t, textX, y))
			}
			y += l.H
		}
		c.add("words", items, true)
	}
}

// parasText is the words of a page, for finding whom it is about.
func parasText(ps []wpPara) string {
	var b strings.Builder
	for _, p := range ps {
		for _, sp := range p.spans {
			b.WriteString(sp.Text)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// framed is a picture on a soft rounded panel.
func (c *wpc) framed(x, y, w, h float64, ref string) []layout.Item {
	c.refs = append(c.refs, ref)
	return []layout.Item{
		layout.Rect{X: x, Y: y, W: w, H: h, Fill: &wpFrame, Radius: 6},
		layout.Picture{X: x + 9, Y: y + 9, W: w - 18, H: h - 18, Ref: ref},
	}
}

// portrait is a person's picture in a circle of diameter d: a photo
// clipped to the circle, an illustration inside it, or their initial when
// they have no picture. Without crop, a photo or drawing is shown whole on
// a rounded panel instead: a child's drawing on the cover must not lose
// its edges.
func (c *wpc) portrait(x, y, d float64, ref, name string, crop bool) []layout.Item {
	r := d / 2
	// For a screen reader, the picture is the person it shows.
	fig := &layout.Element{Role: "Figure", Alt: strings.TrimSpace(name)}
	if !crop && ref != "" && !strings.HasPrefix(ref, "library:") {
		c.refs = append(c.refs, ref)
		return []layout.Item{
			layout.Rect{X: x - 4, Y: y - 4, W: d + 8, H: d + 8, Fill: &wpFrame, Radius: 5},
			layout.Picture{X: x, Y: y, W: d, H: d, Ref: ref, El: fig},
		}
	}
	items := []layout.Item{layout.Circle{X: x + r, Y: y + r, R: r, Fill: &wpFrame}}
	ring := layout.Item(layout.Circle{X: x + r, Y: y + r, R: r, Stroke: &wpRing})
	if c.shape == layout.Rounded {
		items = []layout.Item{layout.Rect{X: x, Y: y, W: d, H: d, Fill: &wpFrame, Radius: d * 0.15}}
		ring = layout.Rect{X: x, Y: y, W: d, H: d, Stroke: &wpRing, Radius: d * 0.15}
	}
	switch {
	case strings.HasPrefix(ref, "library:"):
		c.refs = append(c.refs, ref)
		in := d * 0.74
		items = append(items, layout.Picture{X: x + (d-in)/2, Y: y + (d-in)/2, W: in, H: in, Ref: ref, El: fig})
	case ref != "":
		key := squarePrefix + ref
		c.refs = append(c.refs, key)
		items = append(items, layout.Picture{X: x, Y: y, W: d, H: d, Ref: key, Shape: c.shape, El: fig})
	default:
		initial := strings.ToUpper(string([]rune(strings.TrimSpace(name) + "?")[:1]))
		f := andika("B", d*1.2)
		w := c.m.Width(f, initial)
		items = append(items, layout.Text{X: x + r - w/2, Y: y + r - f.LineHeight()/2, W: w, Font: f, Color: wpAccent, Text: initial, El: fig})
	}
	return append(items, ring)
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
	if strings.Contains(strings.ToLower(role), "social worker") {
		return "social worker" // not "consultant social worker": a child's words
	}
	r := []rune(role)
	// Lower-case the title unless it is an acronym ("SENCO").
	if len(r) > 1 && !unicode.IsUpper(r[1]) {
		return strings.ToLower(role)
	}
	return role
}

// bookLanguage is the language the book's own pages are written in ("" for
// English): its fixed wording follows it where the service has it.
func bookLanguage(p *plan.Plan) string {
	if wp := p.WordsAndPictures; wp != nil {
		return wp.Language
	}
	return ""
}
