package illustration

import (
	"fmt"
	"strings"
)

// SceneKinds are the scenes SceneSVG draws.
var SceneKinds = []string{"family", "helpers", "meeting", "hug", "group"}

// SceneName is the picture name of a scene of the given kind with these
// people (at most six): "scene-hug-" and ten words per person.
func SceneName(kind string, people []Look) string {
	words := []string{"scene", kind}
	for _, p := range people {
		words = append(words, p.words())
	}
	return strings.Join(words, "-")
}

// SceneSVG draws people together, from their own portraits: "family" in
// front of a house, "helpers" under a sun, "meeting" round a table, and
// "hug" (the first person's arm round the second), and "group" (side by
// side, on a plain ground).
func SceneSVG(kind string, people []Look) ([]byte, bool) {
	if len(people) == 0 || len(people) > maxScenePeople {
		return nil, false
	}
	var desc []string
	for _, p := range people {
		desc = append(desc, p.describe())
	}
	s := newSVG(kind + ": " + strings.Join(desc, "; "))
	switch kind {
	case "family":
		s.f(`<path fill="#f6e3c6" stroke="#d9b98a" stroke-width="3" d="M30 120 L100 48 L170 120 L170 200 L30 200 Z"/>`)
		s.f(`<path fill="#e58b6b" stroke="#c46a4c" stroke-width="3" d="M18 124 L100 40 L182 124 Z"/>`)
		row(s, people, 0)
	case "helpers":
		s.f(`<circle fill="#fbe7a1" stroke="#f2c94c" stroke-width="3" cx="100" cy="92" r="78"/>`)
		row(s, people, 0)
	case "group":
		s.f(`<circle fill="#e3eef6" stroke="#bcd3e3" stroke-width="3" cx="100" cy="100" r="80"/>`)
		row(s, people, 0)
	case "meeting":
		s.f(`<circle fill="#e6f0f2" stroke="#b9d3d8" stroke-width="3" cx="100" cy="96" r="80"/>`)
		row(s, people, -26)
		s.f(`<rect fill="#c58b57" x="6" y="160" width="188" height="40" rx="8"/>`)
		s.f(`<rect fill="#ffffff" stroke-width="3" x="40" y="168" width="26" height="18" rx="2"/>`)
		s.f(`<path fill="#ffffff" stroke-width="3" d="M128 168 L146 168 L144 186 L130 186 Z"/>`)
	case "hug":
		if len(people) != 2 {
			return nil, false
		}
		hug(s, people[0], people[1])
	default:
		return nil, false
	}
	return s.end(), true
}

// scaleFor is how big a person stands in a scene of n: children smaller.
func scaleFor(l Look, n int) float64 {
	k := []float64{0.9, 0.66, 0.55, 0.47, 0.41, 0.37, 0.33}[min(n, 6)]
	switch l.Age {
	case "baby", "toddler":
		k *= 0.72
	case "child":
		k *= 0.84
	case "teenager":
		k *= 0.94
	}
	return k
}

// row stands the people side by side, the grown-ups drawn first so the
// children stand in front, everyone's feet on the bottom edge (lifted by
// dy).
func row(s *svg, people []Look, dy float64) {
	n := len(people)
	step := 0.0
	if n > 1 {
		step = min(72, 168/float64(n-1)*0.98)
	}
	order := make([]int, 0, n)
	for pass := 0; pass < 2; pass++ {
		for i, p := range people {
			if (scaleFor(p, 1) >= 0.85) == (pass == 0) {
				order = append(order, i)
			}
		}
	}
	// Children alone are drawn as large as grown-ups would be.
	boost := 0.0
	for _, p := range people {
		boost = max(boost, scaleFor(p, n))
	}
	boost = min(1.5, max(1, scaleFor(Look{}, n)/boost))
	for _, i := range order {
		k := scaleFor(people[i], n) * boost
		x := 100 + (float64(i)-float64(n-1)/2)*step
		place(s, people[i], x, dy, k, 0)
	}
}

// place draws a portrait scaled by k, centred on x, its bottom edge at
// 200+dy, turned by deg degrees.
func place(s *svg, l Look, x, dy, k, deg float64) {
	tx, ty := x-100*k, 200+dy-200*k
	rot := ""
	if deg != 0 {
		rot = fmt.Sprintf(" rotate(%.1f 100 200)", deg)
	}
	s.f(`<g transform="translate(%.2f %.2f) scale(%.3f)%s" stroke-width="%.2f">`, tx, ty, k, rot, 4/max(k, 0.6))
	l.draw(s)
	s.f(`</g>`)
}

// hug draws the first person with an arm round the second, and a heart.
func hug(s *svg, a, b Look) {
	ka, kb := scaleFor(a, 2)*1.18, scaleFor(b, 2)*1.18
	place(s, a, 74, 0, ka, 6)
	place(s, b, 134, 0, kb, -6)
	// The arm, in the colour of their top, ending in a hand.
	top, skin := tops[clampInt(a.Top, 0, 7)], skins[clampInt(a.Skin, 0, 7)]
	s.f(`<path fill="none" stroke-width="22" d="M56 162 C80 196 140 196 168 170"/>`)
	s.f(`<path fill="none" stroke="%s" stroke-width="15" d="M56 162 C80 196 140 196 168 170"/>`, top)
	s.f(`<circle fill="%s" cx="171" cy="166" r="10"/>`, skin)
	s.f(`<path fill="#e23b4a" stroke-width="3" d="M104 34 C92 26 87 19 89 13 C91 7 99 6 104 13 C109 6 117 7 119 13 C121 19 116 26 104 34 Z"/>`)
}
