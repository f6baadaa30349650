package illustration

import (
	"strings"
	"sync"
)

// Pictures drawn from a description instead of a file: a person's
// portrait ("person-" and the ten words of a Look) and scenes of several
// people ("scene-" and a kind, then ten words per person). Lookup and
// Source answer for them like any library picture, so the PDF writer, the
// web page and the HTTP handler draw them with no change; they are not in
// the catalogue, whose names stay the hand-drawn library's.

// maxScenePeople is the most people a scene draws.
const maxScenePeople = 6

// generated caches drawn pictures by name. Names come from requests too,
// so the cache is bounded: when full it starts again.
var generated = struct {
	sync.Mutex
	pics map[string]*Picture
	srcs map[string][]byte
}{pics: map[string]*Picture{}, srcs: map[string][]byte{}}

const maxGenerated = 512

// lookupGenerated draws the picture called name, if name describes one.
func lookupGenerated(name string) (*Picture, []byte, bool) {
	if !strings.HasPrefix(name, "person-") && !strings.HasPrefix(name, "scene-") {
		return nil, nil, false
	}
	generated.Lock()
	p, ok := generated.pics[name]
	src := generated.srcs[name]
	generated.Unlock()
	if ok {
		return p, src, true
	}
	src, ok = generatedSVG(name)
	if !ok {
		return nil, nil, false
	}
	p, err := Parse(name+".svg", src)
	if err != nil {
		return nil, nil, false // a builder bug; the tests parse every kind
	}
	p.Name = name
	generated.Lock()
	if len(generated.pics) >= maxGenerated {
		generated.pics, generated.srcs = map[string]*Picture{}, map[string][]byte{}
	}
	generated.pics[name], generated.srcs[name] = p, src
	generated.Unlock()
	return p, src, true
}

// generatedSVG is the SVG source of a person or scene name.
func generatedSVG(name string) ([]byte, bool) {
	words := strings.Split(name, "-")
	switch words[0] {
	case "person":
		l, ok := parseLook(words[1:])
		if !ok {
			return nil, false
		}
		return PortraitSVG(l), true
	case "scene":
		if len(words) < 2 || (len(words)-2)%10 != 0 || len(words) == 2 {
			return nil, false
		}
		var people []Look
		for i := 2; i < len(words); i += 10 {
			l, ok := parseLook(words[i : i+10])
			if !ok {
				return nil, false
			}
			people = append(people, l)
		}
		if len(people) > maxScenePeople {
			return nil, false
		}
		return SceneSVG(words[1], people)
	}
	return nil, false
}

// Source returns the SVG source of the built-in picture called name,
// hand-drawn or generated.
func Source(name string) ([]byte, bool) {
	l, err := Load()
	if err != nil {
		return nil, false
	}
	return l.Source(name)
}
