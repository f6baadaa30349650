package render

import "github.com/familynetwork/safetyplan/internal/layout"

// callAlways are the numbers that end every family and network copy's
// "who to call": the council's out-of-hours number when it is set, then
// 999 and 101, at the given text size (a person's own part is sized to fit
// its page).
func (c *adult) callAlways(size float64) []layout.Block {
	w := c.w
	line := func(name, number, note string) layout.Block {
		return layout.Paragraph{Spans: append(plain(name+" ", font("B", size), ink), plain(joinNonEmpty("  ", number, note), font("", size), ink)...), Bullet: "•", SpaceAfter: 1}
	}
	var b []layout.Block
	if c.duty != "" {
		b = append(b, line(w.Text("adult.call.duty"), c.duty, w.Text("adult.call.duty.note")))
	}
	return append(b,
		line(w.Text("adult.call.emergency"), "999", w.Text("adult.call.emergency.note")),
		line(w.Text("adult.call.police"), "101", w.Text("adult.call.police.note")))
}

// whoToCall is the network copy's "who to call" block; a person's own copy
// has it in their part, and the worker's copy, for the file, has none.
func (c *adult) whoToCall() []layout.Block {
	if c.ao.Audience == Worker || c.ao.For != "" {
		return nil
	}
	b := []layout.Block{heading(c.w.Text("adult.call.heading")), small(c.w.Text("adult.call.intro"))}
	for _, i := range c.p.Individuals() {
		if i.IsChild || i.Phone == "" {
			continue
		}
		b = append(b, layout.Paragraph{Spans: append(plain(i.Display()+" ", font("B", bodySize), ink), plain(i.Phone, font("", bodySize), ink)...), Bullet: "•", SpaceAfter: 1})
	}
	return append(b, c.callAlways(bodySize)...)
}

// nextReviewText is the cover's next review: the planned review meeting's
// date when one is planned, otherwise the date it is due by.
func (c *adult) nextReviewText() string {
	if m, ok := c.in.Plan.NextPlannedReview(); ok {
		return c.w.Text("adult.next_review.planned", "date", longDate(c.w, m.Date))
	}
	return c.w.Text("adult.next_review.value", "date", longDate(c.w, NextReview(c.in)))
}
