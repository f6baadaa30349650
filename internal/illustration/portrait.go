package illustration

import (
	"fmt"
	"slices"
	"strings"
)

// Look is how a person is drawn by Portrait: the plan's appearance of a
// child, a person or the worker, with the expression and what they wear
// for their role. The zero value is a plain outline (skin and hair not
// known), smiling.
type Look struct {
	Skin       int    // 1 (very light) to 7 (very dark); 0 not known: drawn uncoloured
	Hair       string // one of HairStyles; "" not known
	HairColour string // one of HairColours; "" not known: drawn uncoloured
	Age        string // one of Ages; "" is "adult"
	// Presentation is "feminine", "masculine" or "" (none).
	Presentation string
	Covering     string // one of Coverings; "" none
	Glasses      bool
	Beard        bool
	Wheelchair   bool
	HearingAid   bool
	Role         string // one of Roles: what they wear for their work; "" none
	Top          int    // the colour of their top, 0 to 7
	Expression   string // one of Expressions; "" is "happy"
}

// The values a Look's fields take, in the order their names encode them.
var (
	HairStyles  = []string{"bald", "shaved", "short", "curly", "afro", "long", "braids", "locs", "bun", "ponytail", "bob"}
	HairColours = []string{"black", "dark_brown", "brown", "auburn", "red", "blonde", "grey", "white"}
	Ages        = []string{"baby", "toddler", "child", "teenager", "adult", "older_adult"}
	Coverings   = []string{"hijab", "turban", "headscarf", "kippah", "cap"}
	Roles       = []string{"lanyard", "stethoscope", "nurse", "police"}
	Expressions = []string{"happy", "calm", "sad", "worried"}
)

// Skin tones, very light to very dark, and the colour of an outline
// whose skin is not known.
var skins = []string{"#fdf8ef", "#f6d7c3", "#eebf98", "#d9a273", "#c08552", "#9a6236", "#6e4424", "#4a2c17"}

var hairColours = map[string]string{
	"": "#fdf8ef", "black": "#2b2b2b", "dark_brown": "#4a2f1d", "brown": "#7a4a26", "auburn": "#8f3b1b",
	"red": "#c1542a", "blonde": "#e3b656", "grey": "#a3a3a3", "white": "#ececec",
}

var tops = []string{"#e8553f", "#3a7bd5", "#2f9e6e", "#f2a93b", "#8e5bc4", "#1b5e6b", "#d9667a", "#6b7b8c"}

// geometry of a body at an age: head centre and radii, shoulders' half
// width and top, scale of the features.
type build struct {
	hy, rx, ry, half, top, f float64
}

var builds = map[string]build{
	"baby":        {hy: 98, rx: 46, ry: 44, half: 46, top: 170, f: 1.05},
	"toddler":     {hy: 94, rx: 43, ry: 44, half: 52, top: 162, f: 1},
	"child":       {hy: 90, rx: 40, ry: 43, half: 58, top: 156, f: 0.97},
	"teenager":    {hy: 86, rx: 37, ry: 44, half: 64, top: 150, f: 0.92},
	"adult":       {hy: 86, rx: 39, ry: 45, half: 70, top: 146, f: 0.95},
	"older_adult": {hy: 86, rx: 39, ry: 45, half: 70, top: 146, f: 0.95},
}

// Name is the look's picture name: "person-" and ten words that Lookup
// turns back into the look. It is kebab-case, like every library name.
func (l Look) Name() string { return "person-" + l.words() }

func (l Look) words() string {
	flags := ""
	for _, f := range []struct {
		on bool
		c  string
	}{{l.Glasses, "g"}, {l.Beard, "b"}, {l.Wheelchair, "w"}, {l.HearingAid, "h"}} {
		if f.on {
			flags += f.c
		}
	}
	return strings.Join([]string{
		fmt.Sprintf("s%d", clampInt(l.Skin, 0, 7)), word(l.Hair, HairStyles), word(l.HairColour, HairColours),
		word(l.Age, Ages), word(l.Presentation, []string{"feminine", "masculine"}), word(l.Covering, Coverings),
		"f" + flags, word(l.Role, Roles), fmt.Sprintf("t%d", clampInt(l.Top, 0, 7)), word(l.Expression, Expressions),
	}, "-")
}

// word is a value as one kebab word: "dark_brown" is "darkbrown", an
// unknown or empty value "x".
func word(v string, allowed []string) string {
	if !slices.Contains(allowed, v) {
		return "x"
	}
	return strings.ReplaceAll(v, "_", "")
}

func unword(w string, allowed []string) (string, bool) {
	if w == "x" {
		return "", true
	}
	for _, a := range allowed {
		if strings.ReplaceAll(a, "_", "") == w {
			return a, true
		}
	}
	return "", false
}

func clampInt(n, lo, hi int) int { return max(lo, min(hi, n)) }

// parseLook reads the ten words of a look.
func parseLook(w []string) (Look, bool) {
	if len(w) != 10 {
		return Look{}, false
	}
	var l Look
	ok := true
	get := func(s string, allowed []string) string {
		v, good := unword(s, allowed)
		ok = ok && good
		return v
	}
	num := func(s, prefix string, hi int) int {
		if len(s) != len(prefix)+1 || !strings.HasPrefix(s, prefix) || s[len(prefix)] < '0' || int(s[len(prefix)]-'0') > hi {
			ok = false
			return 0
		}
		return int(s[len(prefix)] - '0')
	}
	l.Skin = num(w[0], "s", 7)
	l.Hair = get(w[1], HairStyles)
	l.HairColour = get(w[2], HairColours)
	l.Age = get(w[3], Ages)
	l.Presentation = get(w[4], []string{"feminine", "masculine"})
	l.Covering = get(w[5], Coverings)
	flags, good := strings.CutPrefix(w[6], "f")
	ok = ok && good && len(flags) <= 4
	for _, c := range flags {
		switch c {
		case 'g':
			l.Glasses = true
		case 'b':
			l.Beard = true
		case 'w':
			l.Wheelchair = true
		case 'h':
			l.HearingAid = true
		default:
			ok = false
		}
	}
	l.Role = get(w[7], Roles)
	l.Top = num(w[8], "t", 7)
	l.Expression = get(w[9], Expressions)
	// One spelling per look: a name read back must be the name asked for.
	return l, ok && l.words() == strings.Join(w, "-")
}

// svg is an SVG document being written in the library's subset.
type svg struct{ b strings.Builder }

func (s *svg) f(format string, args ...any) { fmt.Fprintf(&s.b, format, args...); s.b.WriteByte('\n') }

func newSVG(title string) *svg {
	s := &svg{}
	s.f(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200" stroke="#333" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">`)
	s.f(`<title>%s</title>`, title)
	return s
}

func (s *svg) end() []byte { s.f(`</svg>`); return []byte(s.b.String()) }

// PortraitSVG draws the look as head and shoulders, in the library's
// style: flat colours, thick rounded outlines, 200 by 200.
func PortraitSVG(l Look) []byte {
	s := newSVG("person: " + l.describe())
	l.draw(s)
	return s.end()
}

// describe says in words what the portrait shows.
func (l Look) describe() string {
	var d []string
	d = append(d, firstNonEmptyString(strings.ReplaceAll(l.Age, "_", " "), "adult"))
	if l.Skin > 0 {
		d = append(d, fmt.Sprintf("skin tone %d of 7", l.Skin))
	}
	if l.Hair != "" {
		d = append(d, strings.TrimSpace(strings.ReplaceAll(l.HairColour, "_", " ")+" "+l.Hair+" hair"))
	}
	for _, x := range []struct {
		on bool
		s  string
	}{{l.Covering != "", l.Covering}, {l.Glasses, "glasses"}, {l.Beard, "beard"}, {l.HearingAid, "hearing aid"}, {l.Wheelchair, "wheelchair"}, {l.Role != "", l.Role}} {
		if x.on {
			d = append(d, x.s)
		}
	}
	return strings.Join(append(d, firstNonEmptyString(l.Expression, "happy")), ", ")
}

func firstNonEmptyString(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// draw writes the portrait's elements, back to front.
func (l Look) draw(s *svg) {
	b, ok := builds[l.Age]
	if !ok {
		b = builds["adult"]
	}
	skin := skins[clampInt(l.Skin, 0, 7)]
	hair := hairColours[l.HairColour]
	if l.HairColour == "" && l.Hair != "" && l.Age == "older_adult" {
		hair = hairColours["grey"]
	}
	top := tops[clampInt(l.Top, 0, 7)]
	hx, hy, rx, ry := 100.0, b.hy, b.rx, b.ry
	if l.Wheelchair {
		// The chair's back behind the shoulders, its handles above them.
		s.f(`<path fill="#5b6570" d="M%.1f 200 L%.1f %.1f Q%.1f %.1f %.1f %.1f L%.1f %.1f Q%.1f %.1f %.1f %.1f L%.1f 200 Z"/>`,
			100-b.half+4, 100-b.half+4, b.top-8, 100-b.half+4, b.top-18, 100-b.half+14, b.top-18, 100+b.half-14, b.top-18, 100+b.half-4, b.top-18, 100+b.half-4, b.top-8, 100+b.half-4)
	}
	// Hair or covering behind the head.
	covered := l.Covering == "hijab" || l.Covering == "turban" || l.Covering == "headscarf"
	switch {
	case l.Covering == "hijab":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			darker(top),
			hx-rx-12, hy+10,
			hx-rx-14, hy-ry-18, hx+rx+14, hy-ry-18, hx+rx+12, hy+10,
			hx+rx+16, hy+ry+10, hx+b.half-6, b.top+6, hx+b.half-14, b.top+16,
			hx-b.half+14, b.top+16, hx-b.half+6, b.top+6, hx-rx-12, hy+10)
	case !covered:
		l.hairBack(s, hx, hy, rx, ry, hair)
	}
	// Shoulders and top.
	s.f(`<path fill="%s" d="M%.1f 202 C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f 202 Z"/>`,
		top, 100-b.half, 100-b.half, b.top+18, 100-b.half+26, b.top, b.top, 100+b.half-26, b.top, 100+b.half, b.top+18, 100+b.half)
	l.roleWear(s, b)
	if l.Covering == "hijab" {
		// The scarf falls over the shoulders.
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			darker(top), hx-rx-4, hy+20, hx-rx, b.top+4, hx-24, b.top+18, b.top+22, hx+24, b.top+18, hx+rx, b.top+4, hx+rx+4, hy+20,
			hx+rx-6, hy+ry+16, hx-rx+6, hy+ry+16, hx-rx-4, hy+20)
	} else if l.Age != "baby" {
		// Neck.
		s.f(`<path fill="%s" d="M%.1f %.1f L%.1f %.1f Q100 %.1f %.1f %.1f L%.1f %.1f Z"/>`, skin,
			hx-13, hy+ry-14, hx-13, b.top-4, b.top+8, hx+13, b.top-4, hx+13, hy+ry-14)
	}
	// Ears, unless covered.
	if l.Covering != "hijab" {
		s.f(`<ellipse fill="%s" cx="%.1f" cy="%.1f" rx="7" ry="10"/>`, skin, hx-rx+1, hy+4)
		s.f(`<ellipse fill="%s" cx="%.1f" cy="%.1f" rx="7" ry="10"/>`, skin, hx+rx-1, hy+4)
		if l.HearingAid {
			s.f(`<path fill="#4a90c2" stroke-width="3" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f L%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
				hx-rx-5, hy-8, hx-rx-14, hy-6, hx-rx-14, hy+10, hx-rx-8, hy+16, hx-rx-4, hy+14, hx-rx-9, hy+8, hx-rx-9, hy-2, hx-rx-3, hy-5)
		}
		if l.Presentation == "feminine" && !covered {
			s.f(`<circle fill="#f7c948" stroke-width="2" cx="%.1f" cy="%.1f" r="3.5"/>`, hx+rx-1, hy+16)
		}
	}
	// Head.
	s.f(`<ellipse fill="%s" cx="%.1f" cy="%.1f" rx="%.1f" ry="%.1f"/>`, skin, hx, hy, rx, ry)
	if l.Beard {
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			hairOr(hair), hx-rx+2, hy+4, hx-rx+4, hy+ry-2, hx-22, hy+ry+10, hy+ry+10, hx+22, hy+ry+10, hx+rx-4, hy+ry-2, hx+rx-2, hy+4,
			hx+rx-12, hy+16, hx+16, hy+16, hy+20, hx-16, hy+16, hx-rx+12, hy+16, hx-rx+2, hy+4)
	}
	if l.Age == "older_adult" {
		s.f(`<path fill="none" stroke-width="2.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`,
			hx-rx+8, hy+8, hx-rx+12, hy+12, hx-rx+10, hy+16, hx+rx-8, hy+8, hx+rx-12, hy+12, hx+rx-10, hy+16)
	}
	l.face(s, hx, hy, rx, ry, b.f)
	// Hair or covering in front.
	switch l.Covering {
	case "hijab":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			darker(top), hx-rx-6, hy+30, hx-rx-10, hy-ry-10, hx+rx+10, hy-ry-10, hx+rx+6, hy+30,
			hx+rx-4, hy+8, hx+rx-10, hy-ry*0.55, 100.0, hy-ry*0.62, hx-rx+10, hy-ry*0.55, hx-rx+4, hy+8, hx-rx-6, hy+30)
	case "turban":
		l.hairFront(s, hx, hy, rx, ry, hair, true)
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			darker(top), hx-rx-4, hy-6, hx-rx-10, hy-ry-30, hx+rx+10, hy-ry-30, hx+rx+4, hy-6,
			hx+rx-10, hy-ry*0.45, hx+14, hy-ry*0.4, hy-ry*0.25, hx-14, hy-ry*0.4, hx-rx+10, hy-ry*0.45, hx-rx-4, hy-6)
		s.f(`<path fill="none" stroke-width="3" d="M%.1f %.1f Q100 %.1f %.1f %.1f M%.1f %.1f Q100 %.1f %.1f %.1f"/>`,
			hx-rx+2, hy-ry*0.5, hy-ry-10, hx+rx-8, hy-ry*0.7, hx-rx+8, hy-ry*0.75, hy-ry-20, hx+rx-2, hy-ry*0.35)
	case "headscarf":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`,
			darker(top), hx-rx-4, hy+4, hx-rx-8, hy-ry-16, hx+rx+8, hy-ry-16, hx+rx+4, hy+4,
			hx+rx-8, hy-ry*0.5, hx+16, hy-ry*0.62, hy-ry*0.6, hx-16, hy-ry*0.62, hx-rx+8, hy-ry*0.5, hx-rx-4, hy+4)
		s.f(`<path fill="%s" d="M%.1f %.1f L%.1f %.1f L%.1f %.1f Z"/>`, darker(top), hx+rx, hy-2, hx+rx+16, hy+22, hx+rx+4, hy+26)
		for _, p := range [][2]float64{{-18, -0.78}, {10, -0.85}, {-2, -0.98}, {24, -0.62}, {-28, -0.55}} {
			s.f(`<circle fill="#fff3c4" stroke="none" cx="%.1f" cy="%.1f" r="3"/>`, hx+p[0], hy+p[1]*ry)
		}
	default:
		l.hairFront(s, hx, hy, rx, ry, hair, false)
		switch l.Covering {
		case "kippah":
			s.f(`<path fill="#3a5fa0" stroke-width="3" d="M%.1f %.1f Q100 %.1f %.1f %.1f Q100 %.1f %.1f %.1f Z"/>`,
				hx-17, hy-ry+5, hy-ry-14, hx+17, hy-ry+5, hy-ry+9, hx-17, hy-ry+5)
		case "cap":
			s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, darker(top), hx-rx-1, hy-ry*0.4, hx-rx, hy-ry-18, hx+rx, hy-ry-18, hx+rx+1, hy-ry*0.4)
			s.f(`<path fill="%s" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f Z"/>`, darker(top), hx-rx-1, hy-ry*0.4, hx-rx-34, hy-ry*0.3, hx-rx-30, hy-ry*0.18, hx-rx, hy-ry*0.28, hx-rx-1, hy-ry*0.4)
		}
	}
	if l.Role == "police" && l.Covering == "" {
		// A peaked police cap with a chequered band.
		s.f(`<path fill="#1f2d4a" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, hx-rx-4, hy-ry*0.45, hx-rx, hy-ry-26, hx+rx, hy-ry-26, hx+rx+4, hy-ry*0.45)
		s.f(`<rect fill="#ffffff" x="%.1f" y="%.1f" width="%.1f" height="10"/>`, hx-rx-4, hy-ry*0.45-10, 2*rx+8)
		for k := 0; k < 8; k++ {
			s.f(`<rect fill="#1f2d4a" stroke="none" x="%.1f" y="%.1f" width="%.1f" height="5"/>`, hx-rx-4+float64(k)*(2*rx+8)/8, hy-ry*0.45-10+float64(k%2)*5, (2*rx+8)/8)
		}
		s.f(`<path fill="#111111" d="M%.1f %.1f Q100 %.1f %.1f %.1f Q100 %.1f %.1f %.1f Z"/>`, hx-rx+2, hy-ry*0.45, hy-ry*0.2, hx+rx-2, hy-ry*0.45, hy-ry*0.32, hx-rx+2, hy-ry*0.45)
		s.f(`<circle fill="#f2d33b" stroke-width="2.5" cx="100" cy="%.1f" r="6"/>`, hy-ry-4)
	}
	if l.Glasses {
		dx := rx * 0.4
		s.f(`<g fill="none" stroke-width="3.5"><circle cx="%.1f" cy="%.1f" r="11"/><circle cx="%.1f" cy="%.1f" r="11"/><path d="M%.1f %.1f Q100 %.1f %.1f %.1f"/></g>`,
			hx-dx, hy+2, hx+dx, hy+2, hx-dx+11, hy+1, hy-3, hx+dx-11, hy+1)
	}
	if l.Wheelchair {
		// A wheel beside them, in front of the shoulders.
		cx, cy, r := 100-b.half+6, 192.0, 30.0
		s.f(`<circle fill="none" stroke="#3b3b3b" stroke-width="9" cx="%.1f" cy="%.1f" r="%.1f"/>`, cx, cy, r)
		s.f(`<circle fill="none" stroke="#9aa4ad" stroke-width="3" cx="%.1f" cy="%.1f" r="%.1f"/>`, cx, cy, r-8)
		s.f(`<path fill="none" stroke="#9aa4ad" stroke-width="2.5" d="M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f"/>`, cx-r+8, cy, cx+r-8, cy, cx, cy-r+8, cx, cy+r-8)
		s.f(`<circle fill="#9aa4ad" stroke-width="2.5" cx="%.1f" cy="%.1f" r="5"/>`, cx, cy)
	}
}

// face draws eyes, brows, nose and mouth for the expression. On the
// darkest skin the lines are drawn lighter, so the face still reads.
func (l Look) face(s *svg, hx, hy, rx, ry, f float64) {
	if l.Skin >= 6 {
		s.f(`<g stroke="#1a0f08">`)
		defer s.f(`</g>`)
	}
	dx, ey := rx*0.4, hy+2
	eye := 5 * f
	if l.Expression == "calm" {
		s.f(`<path fill="none" stroke-width="3.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`,
			hx-dx-6, ey, hx-dx, ey+5, hx-dx+6, ey, hx+dx-6, ey, hx+dx, ey+5, hx+dx+6, ey)
	} else {
		if l.Skin >= 5 {
			// Whites of the eyes, so that they read on darker skin.
			s.f(`<g fill="#fbf7f2" stroke="none"><ellipse cx="%.1f" cy="%.1f" rx="%.1f" ry="%.1f"/><ellipse cx="%.1f" cy="%.1f" rx="%.1f" ry="%.1f"/></g>`,
				hx-dx, ey, eye*1.7, eye*1.4, hx+dx, ey, eye*1.7, eye*1.4)
		}
		s.f(`<g fill="#222" stroke="none"><circle cx="%.1f" cy="%.1f" r="%.1f"/><circle cx="%.1f" cy="%.1f" r="%.1f"/></g>`, hx-dx, ey, eye, hx+dx, ey, eye)
		s.f(`<g fill="#ffffff" stroke="none"><circle cx="%.1f" cy="%.1f" r="1.6"/><circle cx="%.1f" cy="%.1f" r="1.6"/></g>`, hx-dx+1.8, ey-1.8, hx+dx+1.8, ey-1.8)
	}
	if l.Presentation == "feminine" && l.Expression != "calm" {
		s.f(`<path fill="none" stroke-width="2.5" d="M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f"/>`,
			hx-dx-eye, ey-eye+1, hx-dx-eye-4, ey-eye-2, hx+dx+eye, ey-eye+1, hx+dx+eye+4, ey-eye-2)
	}
	bw := 3.0
	if l.Presentation == "masculine" {
		bw = 4.5
	}
	by := ey - 12
	switch l.Expression {
	case "sad", "worried":
		// Brows lifted in the middle.
		s.f(`<path fill="none" stroke-width="%.1f" d="M%.1f %.1f L%.1f %.1f M%.1f %.1f L%.1f %.1f"/>`, bw,
			hx-dx-8, by+2, hx-dx+7, by-3, hx+dx+8, by+2, hx+dx-7, by-3)
	default:
		s.f(`<path fill="none" stroke-width="%.1f" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, bw,
			hx-dx-8, by, hx-dx, by-4, hx-dx+8, by, hx+dx-8, by, hx+dx, by-4, hx+dx+8, by)
	}
	// Nose.
	s.f(`<path fill="none" stroke-width="3" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, hx, hy+6, hx-5, hy+13, hx+1, hy+13)
	my := hy + ry*0.48
	switch l.Expression {
	case "sad":
		s.f(`<path fill="none" stroke-width="3.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, hx-10, my+5, hx, my-3, hx+10, my+5)
		s.f(`<path fill="#6fb3e0" stroke-width="2.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f Z"/>`, hx+dx+2, ey+8, hx+dx+8, ey+18, hx+dx+2, ey+20, hx+dx-4, ey+18, hx+dx+2, ey+8)
	case "worried":
		s.f(`<path fill="none" stroke-width="3.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, hx-11, my+3, hx-5, my-3, hx, my+3, hx+5, my+9, hx+11, my+3)
		s.f(`<path fill="#6fb3e0" stroke-width="2.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f Z"/>`, hx+rx-10, hy-ry*0.55, hx+rx-4, hy-ry*0.35, hx+rx-10, hy-ry*0.32, hx+rx-16, hy-ry*0.35, hx+rx-10, hy-ry*0.55)
	case "calm":
		s.f(`<path fill="none" stroke-width="3.5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, hx-10, my, hx, my+7, hx+10, my)
	default:
		mouth := "#8c2f27"
		if l.Skin >= 6 {
			mouth = "#c25a52"
		}
		s.f(`<path fill="%s" stroke-width="3" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f Z"/>`, mouth, hx-13, my-1, hx, my+15, hx+13, my-1, hx, my+3, hx-13, my-1)
	}
}

// hairBack draws the hair that falls behind the head and shoulders.
func (l Look) hairBack(s *svg, hx, hy, rx, ry float64, c string) {
	switch l.Hair {
	case "afro":
		s.f(`<ellipse fill="%s" cx="%.1f" cy="%.1f" rx="%.1f" ry="%.1f"/>`, c, hx, hy-14, rx+24, ry+16)
	case "long":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, c,
			hx, hy-ry-6, hx-rx-14, hy-ry-4, hx-rx-10, hy+20, hx-rx-16, hy+ry+34,
			hx-rx+20, hy+ry+44, hx+rx-20, hy+ry+44, hx+rx+16, hy+ry+34,
			hx+rx+10, hy+20, hx+rx+14, hy-ry-4, hx, hy-ry-6)
	case "bob":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f L%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, c,
			hx-rx-8, hy+26, hx-rx-16, hy-ry-10, hx+rx+16, hy-ry-10, hx+rx+8, hy+26, hx+rx-6, hy+30, hx+10, hy+34, hx-10, hy+34, hx-rx+6, hy+30)
	case "braids", "locs":
		n, w := 3, 9.0
		if l.Hair == "locs" {
			n, w = 4, 7
		}
		for side := -1.0; side <= 1; side += 2 {
			for k := 0; k < n; k++ {
				x := hx + side*(rx-2+float64(k)*w*0.9)
				s.f(`<rect fill="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="%.1f"/>`, c, x-w/2, hy-ry*0.4, w, ry*1.6+float64(k%2)*8, w/2)
				if l.Hair == "braids" {
					for y := hy - ry*0.2; y < hy+ry*1.1; y += 10 {
						s.f(`<path fill="none" stroke-width="2" d="M%.1f %.1f L%.1f %.1f"/>`, x-w/2+1, y, x+w/2-1, y+4)
					}
				}
			}
		}
	case "ponytail":
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, c,
			hx+rx-6, hy-ry*0.6, hx+rx+34, hy-ry*0.5, hx+rx+30, hy+ry*0.9, hx+rx+12, hy+ry*1.2, hx+rx+14, hy+ry*0.4, hx+rx+8, hy-ry*0.1, hx+rx-6, hy-ry*0.2)
	}
}

// hairFront draws the hair over the top of the head. Under a turban only
// the sides show.
func (l Look) hairFront(s *svg, hx, hy, rx, ry float64, c string, sides bool) {
	if l.Hair == "" && l.HairColour == "" {
		if l.Skin != 0 {
			return // hair not known on a coloured portrait: drawn plain
		}
		// Nothing known: an uncoloured outline of short hair, so that the
		// figure reads as "not coloured in", not as bald.
		l.Hair = "short"
	}
	if l.Hair == "bald" || sides {
		if l.Hair != "bald" && l.Hair != "shaved" {
			s.f(`<path fill="%s" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f L%.1f %.1f Z M%.1f %.1f Q%.1f %.1f %.1f %.1f L%.1f %.1f Z"/>`, c,
				hx-rx, hy-4, hx-rx-2, hy-16, hx-rx+6, hy-22, hx-rx+6, hy-2, hx+rx, hy-4, hx+rx+2, hy-16, hx+rx-6, hy-22, hx+rx-6, hy-2)
		}
		return
	}
	// A cap of hair down to the hairline; the hairline's height and shape
	// differ by style.
	line := 0.55
	switch l.Hair {
	case "shaved":
		line = 0.7
	case "afro", "curly", "locs", "braids":
		line = 0.5
	case "long", "bob", "ponytail", "bun":
		line = 0.45
	}
	side := hy + 2.0
	if l.Age == "baby" {
		// A baby has a tuft.
		s.f(`<path fill="none" stroke="%s" stroke-width="5" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f"/>`, darker(c), hx-4, hy-ry+2, hx-2, hy-ry-12, hx+8, hy-ry-10, hx+2, hy-ry-4, hx+6, hy-ry-2)
		return
	}
	if l.Hair == "bob" || l.Hair == "long" {
		// A side parting with a sweep.
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, c,
			hx-rx-1, side+6, hx-rx-8, hy-ry-8, hx+rx+8, hy-ry-8, hx+rx+1, side+6,
			hx+rx-4, hy-ry*0.3, hx+rx-10, hy-ry*0.5, hx+rx-20, hy-ry*0.62,
			hx+4, hy-ry*0.35, hx-16, hy-ry*0.32, hx-rx+8, hy-ry*0.3,
			hx-rx+3, hy-ry*0.1, hx-rx+1, side, hx-rx-1, side+6)
	} else {
		s.f(`<path fill="%s" d="M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f Z"/>`, c,
			hx-rx-1, side, hx-rx-6, hy-ry-10, hx+rx+6, hy-ry-10, hx+rx+1, side,
			hx+rx-5, hy-ry*line, hx+16, hy-ry*(line+0.12), hx, hy-ry*(line+0.08),
			hx-16, hy-ry*(line+0.12), hx-rx+5, hy-ry*line, hx-rx-1, side)
	}
	switch l.Hair {
	case "curly", "afro":
		for _, a := range []float64{-0.8, -0.45, -0.15, 0.15, 0.45, 0.8} {
			s.f(`<circle fill="%s" cx="%.1f" cy="%.1f" r="%.1f"/>`, c, hx+a*rx*1.02, hy-ry*0.92+ry*0.35*a*a, 10.0)
		}
	case "bun":
		s.f(`<circle fill="%s" cx="%.1f" cy="%.1f" r="15"/>`, c, hx, hy-ry-10)
	case "braids":
		s.f(`<path fill="none" stroke-width="2.5" d="M%.1f %.1f L%.1f %.1f"/>`, hx, hy-ry-4, hx, hy-ry*(line+0.08))
	case "short":
		s.f(`<path fill="%s" d="M%.1f %.1f Q%.1f %.1f %.1f %.1f Q%.1f %.1f %.1f %.1f Z"/>`, c, hx-18, hy-ry*0.7, hx-4, hy-ry*0.35, hx+14, hy-ry*0.5, hx, hy-ry*0.8, hx-18, hy-ry*0.7)
	}
}

// roleWear draws what someone wears for their work.
func (l Look) roleWear(s *svg, b build) {
	switch l.Role {
	case "lanyard", "nurse":
		if l.Role == "nurse" {
			s.f(`<path fill="#ffffff" stroke-width="3" d="M%.1f %.1f L100 %.1f L%.1f %.1f"/>`, 100-22.0, b.top+2, b.top+22, 100+22.0, b.top+2)
		}
		s.f(`<path fill="none" stroke="#1b5e6b" stroke-width="4" d="M%.1f %.1f L100 %.1f L%.1f %.1f"/>`, 100-18.0, b.top+1, b.top+30, 100+18.0, b.top+1)
		s.f(`<rect fill="#ffffff" stroke-width="3" x="90" y="%.1f" width="20" height="24" rx="3"/>`, b.top+28)
		s.f(`<rect fill="#7fb8c4" stroke="none" x="94" y="%.1f" width="12" height="8" rx="2"/>`, b.top+32)
	case "stethoscope":
		s.f(`<path fill="none" stroke="#4d4d4d" stroke-width="4" d="M%.1f %.1f C%.1f %.1f %.1f %.1f 100 %.1f C%.1f %.1f %.1f %.1f %.1f %.1f"/>`,
			100-24.0, b.top+2, 100-26.0, b.top+30, 100-10.0, b.top+40, b.top+40, 100+10.0, b.top+40, 100+20.0, b.top+30, 100+20.0, b.top+12)
		s.f(`<circle fill="#c9ced3" stroke-width="3" cx="%.1f" cy="%.1f" r="6"/>`, 100+20.0, b.top+12)
	case "police":
		s.f(`<path fill="#f2d33b" stroke-width="3" d="M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f Z"/>`, 100-b.half+14, b.top+30, 100+b.half-14, b.top+30, 100+b.half-10, b.top+44, 100-b.half+10, b.top+44)
		s.f(`<circle fill="#c9ced3" stroke-width="3" cx="%.1f" cy="%.1f" r="6"/>`, 100+28.0, b.top+18)
	}
}

func hairOr(c string) string { return c }

// darker is a colour a shade darker, for scarves and caps that must stand
// apart from the top of the same colour.
func darker(hex string) string {
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return hex
	}
	return fmt.Sprintf("#%02x%02x%02x", r*3/4, g*3/4, b*3/4)
}
