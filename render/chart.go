package render

import (
	"slices"
	"strconv"

	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// seriesColors are distinct in colour and, printed in grey, in shade; each
// line is also labelled with its person's name at its end.
var seriesColors = []layout.Color{
	{R: 0x1d, G: 0x4f, B: 0x76}, {R: 0xc0, G: 0x5a, B: 0x00}, {R: 0x2e, G: 0x7d, B: 0x32},
	{R: 0x6a, G: 0x1b, B: 0x9a}, {R: 0x90, G: 0x90, B: 0x90}, {R: 0x00, G: 0x00, B: 0x00},
}

type series struct {
	name   string
	points map[plan.Date]int
}

// scaleSeries groups ratings by person, in order of first appearance, and
// lists the distinct dates in order.
func scaleSeries(p *plan.Plan, s *plan.SafetyScale) ([]series, []plan.Date) {
	var out []series
	idx := map[string]int{}
	var dates []plan.Date
	for _, r := range s.Ratings {
		i, ok := idx[r.By]
		if !ok {
			name := r.By
			if ind, ok := p.Lookup(r.By); ok {
				name = ind.Short()
			}
			i = len(out)
			idx[r.By] = i
			out = append(out, series{name: name, points: map[plan.Date]int{}})
		}
		out[i].points[r.Date] = r.Score
		if !slices.Contains(dates, r.Date) {
			dates = append(dates, r.Date)
		}
	}
	slices.SortFunc(dates, plan.Date.Compare)
	return out, dates
}

// scaleChart draws each person's scores over time: a line per person with a
// mark per date, 0 at the bottom and 10 at the top.
func scaleChart(p *plan.Plan, s *plan.SafetyScale, w *templates.Wording) layout.Block {
	ss, dates := scaleSeries(p, s)
	return layout.Func(func(m layout.Measurer, width float64) []layout.Strip {
		const h, top = 62.0, 4.0
		labelW := 34.0
		left, right := 10.0, width-labelW
		plotH := h - top - 12
		yOf := func(score int) float64 { return top + plotH*(1-float64(score)/10) }
		xOf := func(i int) float64 {
			if len(dates) == 1 {
				return (left + right) / 2
			}
			return left + 6 + (right-left-12)*float64(i)/float64(len(dates)-1)
		}
		f := font("", 8)
		var items []layout.Item
		for v := 0; v <= 10; v += 2 {
			y := yOf(v)
			items = append(items, layout.Line{X1: left, Y1: y, X2: right, Y2: y, Color: layout.Color{R: 0xdd, G: 0xe1, B: 0xe6}, Width: 0.2},
				layout.Text{X: 0, Y: y - 1.8, W: 6, Font: f, Color: grey, Text: strconv.Itoa(v)})
		}
		for i, d := range dates {
			label := longDate(w, d)
			items = append(items, layout.Text{X: xOf(i) - m.Width(f, label)/2, Y: top + plotH + 2, W: m.Width(f, label), Font: f, Color: grey, Text: label})
		}
		used := map[int]float64{}
		for si, se := range ss {
			col := seriesColors[si%len(seriesColors)]
			var prevX, prevY float64
			first := true
			lastX, lastY := 0.0, 0.0
			for i, d := range dates {
				v, ok := se.points[d]
				if !ok {
					continue
				}
				x, y := xOf(i), yOf(v)
				if !first {
					items = append(items, layout.Line{X1: prevX, Y1: prevY, X2: x, Y2: y, Color: col, Width: 0.6})
				}
				items = append(items, layout.Circle{X: x, Y: y, R: 1.2, Fill: &col})
				prevX, prevY, first = x, y, false
				lastX, lastY = x, y
			}
			// Label at the line's end; nudge labels that would overlap.
			ly := lastY - 1.8
			for _, taken := range used {
				if ly > taken-3.6 && ly < taken+3.6 {
					ly = taken + 3.6
				}
			}
			used[si] = ly
			lf := font("B", 8)
			items = append(items, layout.Text{X: max(lastX+3, right+2), Y: ly, W: m.Width(lf, se.name), Font: lf, Color: col, Text: se.name})
		}
		return []layout.Strip{{H: h, Items: items}}
	})
}

// scaleTable lists every score: a row per person, a column per date.
func scaleTable(p *plan.Plan, s *plan.SafetyScale, w *templates.Wording) layout.Block {
	ss, dates := scaleSeries(p, s)
	cols := []layout.Column{{Title: w.Text("adult.scale.who"), Weight: 1.4}}
	for _, d := range dates {
		cols = append(cols, layout.Column{Title: longDate(w, d), Weight: 1})
	}
	var rows [][]layout.Cell
	for _, se := range ss {
		row := []layout.Cell{textCell(se.name)}
		for _, d := range dates {
			v := "–"
			if n, ok := se.points[d]; ok {
				v = strconv.Itoa(n) + " / 10"
			}
			row = append(row, textCell(v))
		}
		rows = append(rows, row)
	}
	return table(cols, rows)
}
