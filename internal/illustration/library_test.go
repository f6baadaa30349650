package illustration

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/familynetwork/safetyplan/assets/illustrations"
)

// required lists the pictures the domain asks for (see shared/domain.md,
// "Illustrations") and that the example plans use.
var required = []string{
	// people
	"mum", "dad", "grandma", "grandad", "aunt", "uncle", "boy", "girl", "baby",
	"teenager", "friend", "neighbour", "teacher", "social-worker", "family", "police",
	// places
	"house", "school", "park", "hospital",
	// things
	"phone", "bed", "breakfast", "food", "car", "bus", "clock", "calendar", "diary",
	"football", "key", "fridge",
	// feelings
	"happy", "sad", "worried", "angry", "safe", "love",
	// actions
	"meeting", "hug", "talk", "phone-call",
}

func mustLoad(t *testing.T) *Library {
	t.Helper()
	lib, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestRequiredPicturesExist(t *testing.T) {
	lib := mustLoad(t)
	for _, name := range required {
		t.Run(name, func(t *testing.T) {
			if _, ok := lib.Lookup(name); !ok {
				t.Errorf("the library has no %q", name)
			}
		})
	}
}

func TestCatalogueMatchesFiles(t *testing.T) {
	raw, err := fs.ReadFile(illustrations.FS, CatalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, e := range entries {
		listed = append(listed, e.Name+".svg")
	}
	files, err := fs.Glob(illustrations.FS, "*.svg")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(listed)
	for _, f := range files {
		if _, found := slices.BinarySearch(listed, f); !found {
			t.Errorf("%s is not in %s", f, CatalogueFile)
		}
	}
	for _, f := range listed {
		if !slices.Contains(files, f) {
			t.Errorf("%s lists %s, which does not exist", CatalogueFile, f)
		}
	}
	if len(files) != len(entries) {
		t.Errorf("%d files, %d catalogue entries", len(files), len(entries))
	}
}

func TestCatalogueEntries(t *testing.T) {
	lib := mustLoad(t)
	cat := lib.Catalogue()
	if !slices.IsSortedFunc(cat, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("Catalogue is not sorted by name")
	}
	if got := Catalogue(); len(got) != len(cat) {
		t.Errorf("package Catalogue has %d entries, library %d", len(got), len(cat))
	}
	for _, e := range cat {
		t.Run(e.Name, func(t *testing.T) {
			if !IsValidName(e.Name) {
				t.Errorf("name %q is not kebab-case", e.Name)
			}
			if len(strings.TrimSpace(e.Description)) < 8 {
				t.Errorf("description %q is too short to help", e.Description)
			}
			if len(e.Tags) == 0 {
				t.Error("no tags")
			}
			for _, tag := range e.Tags {
				if !IsValidName(tag) {
					t.Errorf("tag %q is not kebab-case", tag)
				}
			}
			src, _ := lib.Source(e.Name)
			if n := len(src); n > 8<<10 {
				t.Errorf("%s.svg is %d bytes; keep pictures to a few KB", e.Name, n)
			}
			// Every file sets the house style on its root, so that browsers
			// draw it as this package does.
			root := string(src[:strings.IndexByte(string(src), '>')])
			for _, want := range []string{`viewBox="0 0 200 200"`, `stroke-linecap="round"`, `stroke-linejoin="round"`} {
				if !strings.Contains(root, want) {
					t.Errorf("root element lacks %s", want)
				}
			}
		})
	}
}

func TestPicturesStayInsideViewBox(t *testing.T) {
	// The PDF writer does not clip, so nothing may be drawn outside.
	lib := mustLoad(t)
	const slack = 0.5
	for _, name := range lib.Names() {
		t.Run(name, func(t *testing.T) {
			pic, _ := lib.Lookup(name)
			for i, s := range pic.Shapes {
				pad := 0.0
				if s.Stroke != nil {
					pad = s.StrokeWidth / 2
				}
				for _, line := range flatten(s.Path) {
					for _, p := range line.pts {
						if p.X-pad < -slack || p.Y-pad < -slack || p.X+pad > pic.Width+slack || p.Y+pad > pic.Height+slack {
							t.Fatalf("shape %d reaches (%.1f, %.1f) ± %.1f, outside the viewBox", i, p.X, p.Y, pad)
						}
					}
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	if p, ok := Lookup("grandma"); !ok || p.Name != "grandma" || p.Width != 200 || len(p.Shapes) == 0 {
		t.Errorf("Lookup(grandma) = %v, %v", p, ok)
	}
	for _, name := range []string{"", "Grandma", "grandma.svg", "nobody"} {
		if _, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) found something", name)
		}
	}
	l1, _ := Load()
	l2, _ := Load()
	if l1 != l2 {
		t.Error("Load did not cache the library")
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		query string
		first string // the best suggestion
	}{
		{"grandmar", "grandma"},
		{"nana", "grandma"},
		{"Grandma", "grandma"},
		{"social worker", "social-worker"},
		{"social_worker", "social-worker"},
		{"socialworker", "social-worker"},
		{"mom", "mum"},
		{"neighbor", "neighbour"},
		{"phon", "phone"},
		{"teachr", "teacher"},
		{"scared", "worried"},
		{"cuddle", "hug"},
		{"polce", "police"},
	}
	lib := mustLoad(t)
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := lib.Nearest(tc.query, 3)
			if len(got) == 0 || got[0] != tc.first {
				t.Errorf("Nearest(%q) = %v, want %q first", tc.query, got, tc.first)
			}
			if len(got) > 3 {
				t.Errorf("Nearest returned %d names, asked for 3", len(got))
			}
		})
	}
	if got := lib.Nearest("zzzzzzzzzzzzzz", 3); len(got) != 0 {
		t.Errorf("nonsense got suggestions %v", got)
	}
	if got := Nearest("grandad", 0); got != nil {
		t.Errorf("n=0 gave %v", got)
	}
}

func TestNewLibraryChecksConsistency(t *testing.T) {
	svg := []byte(doc(`<circle cx="100" cy="100" r="50"/>`))
	tests := []struct {
		name  string
		files fstest.MapFS
		want  string
	}{
		{"missing file", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":["t"]},{"name":"b","description":"x","tags":["t"]}]`)},
			"a.svg":          {Data: svg},
		}, "b.svg is missing"},
		{"extra file", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":["t"]}]`)},
			"a.svg":          {Data: svg}, "c.svg": {Data: svg},
		}, "c.svg is not in catalogue.json"},
		{"bad name", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"Big_Cat","description":"x","tags":["t"]}]`)},
			"Big_Cat.svg":    {Data: svg},
		}, "not kebab-case"},
		{"no description", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":" ","tags":["t"]}]`)},
			"a.svg":          {Data: svg},
		}, "no description"},
		{"no tags", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":[]}]`)},
			"a.svg":          {Data: svg},
		}, "no tags"},
		{"duplicate", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":["t"]},{"name":"a","description":"y","tags":["t"]}]`)},
			"a.svg":          {Data: svg},
		}, "listed twice"},
		{"unknown key", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","descripton":"x","tags":["t"]}]`)},
			"a.svg":          {Data: svg},
		}, "unknown field"},
		{"bad svg", fstest.MapFS{
			"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":["t"]}]`)},
			"a.svg":          {Data: []byte(doc(`<text>hi</text>`))},
		}, "a.svg:1: <text>"},
		{"no catalogue", fstest.MapFS{"a.svg": {Data: svg}}, "catalogue.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewLibrary(tc.files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	lib, err := NewLibrary(fstest.MapFS{
		"catalogue.json": {Data: []byte(`[{"name":"a","description":"x","tags":["t"]}]`)},
		"a.svg":          {Data: svg},
	})
	if err != nil || len(lib.Catalogue()) != 1 {
		t.Fatalf("a consistent library failed: %v", err)
	}
}
