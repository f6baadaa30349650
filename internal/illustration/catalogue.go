package illustration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/familynetwork/safetyplan/assets/illustrations"
)

// CatalogueFile is the name of the catalogue in a library's file system.
const CatalogueFile = "catalogue.json"

// Entry describes one picture in the catalogue.
type Entry struct {
	// Name is the picture's kebab-case name; its file is Name + ".svg".
	Name string `json:"name"`
	// Description says what the picture shows, e.g.
	// "older woman, grey hair in a bun, glasses".
	Description string `json:"description"`
	// Tags group pictures and give other words a person might search
	// for, e.g. ["people", "family", "nan"].
	Tags []string `json:"tags"`
}

// Library is a parsed set of pictures with their catalogue. It is safe
// for concurrent use.
type Library struct {
	entries []Entry // sorted by name
	byName  map[string]int
	pics    map[string]*Picture
	sources map[string][]byte
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsValidName reports whether name is kebab-case: lower-case letters and
// digits in words joined by single hyphens.
func IsValidName(name string) bool { return kebab.MatchString(name) }

// NewLibrary reads catalogue.json and every *.svg file at the top of fsys.
// The catalogue and the files must agree exactly: an entry without a file,
// a file without an entry, a duplicate, a name that is not kebab-case, an
// empty description or tag list, or any file that does not parse is an
// error.
func NewLibrary(fsys fs.FS) (*Library, error) {
	raw, err := fs.ReadFile(fsys, CatalogueFile)
	if err != nil {
		return nil, fmt.Errorf("illustration: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var entries []Entry
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("illustration: %s: %w", CatalogueFile, err)
	}
	l := &Library{
		byName:  make(map[string]int, len(entries)),
		pics:    make(map[string]*Picture, len(entries)),
		sources: make(map[string][]byte, len(entries)),
	}
	var problems []string
	for _, e := range entries {
		switch {
		case !IsValidName(e.Name):
			problems = append(problems, fmt.Sprintf("name %q is not kebab-case", e.Name))
		case strings.TrimSpace(e.Description) == "":
			problems = append(problems, fmt.Sprintf("%s has no description", e.Name))
		case len(e.Tags) == 0:
			problems = append(problems, fmt.Sprintf("%s has no tags", e.Name))
		}
		for _, t := range e.Tags {
			if !IsValidName(t) {
				problems = append(problems, fmt.Sprintf("%s: tag %q is not kebab-case", e.Name, t))
			}
		}
		if _, dup := l.byName[e.Name]; dup {
			problems = append(problems, fmt.Sprintf("%s is listed twice", e.Name))
		}
		l.byName[e.Name] = 0
	}
	files, err := fs.Glob(fsys, "*.svg")
	if err != nil {
		return nil, fmt.Errorf("illustration: %w", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(f, ".svg")
		if _, ok := l.byName[name]; !ok {
			problems = append(problems, fmt.Sprintf("%s is not in %s", f, CatalogueFile))
			continue
		}
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("illustration: %w", err)
		}
		pic, err := Parse(path.Base(f), src)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		l.pics[name], l.sources[name] = pic, src
	}
	for _, e := range entries {
		if !slices.Contains(files, e.Name+".svg") {
			problems = append(problems, fmt.Sprintf("%s is in %s but %s.svg is missing", e.Name, CatalogueFile, e.Name))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("illustration: library is inconsistent:\n  %s", strings.Join(problems, "\n  "))
	}
	l.entries = append([]Entry(nil), entries...)
	sort.Slice(l.entries, func(i, j int) bool { return l.entries[i].Name < l.entries[j].Name })
	for i, e := range l.entries {
		l.byName[e.Name] = i
	}
	return l, nil
}

// Lookup returns the picture called name (exact, kebab-case).
// A person's portrait or a scene (see generated.go) is drawn on demand.
func (l *Library) Lookup(name string) (*Picture, bool) {
	if p, ok := l.pics[name]; ok {
		return p, ok
	}
	p, _, ok := lookupGenerated(name)
	return p, ok
}

// Source returns the SVG source of the picture called name.
func (l *Library) Source(name string) ([]byte, bool) {
	if s, ok := l.sources[name]; ok {
		return s, ok
	}
	_, s, ok := lookupGenerated(name)
	return s, ok
}

// Entry returns the catalogue entry for name.
func (l *Library) Entry(name string) (Entry, bool) {
	i, ok := l.byName[name]
	if !ok {
		return Entry{}, false
	}
	return cloneEntry(l.entries[i]), true
}

// Catalogue returns every entry, sorted by name. The slice is a copy.
func (l *Library) Catalogue() []Entry {
	out := make([]Entry, len(l.entries))
	for i, e := range l.entries {
		out[i] = cloneEntry(e)
	}
	return out
}

// Names returns every picture's name, sorted.
func (l *Library) Names() []string {
	out := make([]string, len(l.entries))
	for i, e := range l.entries {
		out[i] = e.Name
	}
	return out
}

func cloneEntry(e Entry) Entry {
	e.Tags = append([]string(nil), e.Tags...)
	return e
}

var loadOnce = sync.OnceValues(func() (*Library, error) {
	return NewLibrary(illustrations.FS)
})

// Load returns the built-in library, parsed from the embedded files the
// first time it is called and cached after that (errors included). It is
// safe for concurrent use.
func Load() (*Library, error) { return loadOnce() }

// Lookup returns the built-in picture called name. It returns false for an
// unknown name, and also if the built-in library fails to load (which the
// package's tests rule out).
func Lookup(name string) (*Picture, bool) {
	l, err := Load()
	if err != nil {
		return nil, false
	}
	return l.Lookup(name)
}

// Catalogue returns the built-in library's entries, sorted by name.
func Catalogue() []Entry {
	l, err := Load()
	if err != nil {
		return nil
	}
	return l.Catalogue()
}

// Nearest suggests up to n built-in picture names close to name, best
// first; see Library.Nearest.
func Nearest(name string, n int) []string {
	l, err := Load()
	if err != nil {
		return nil
	}
	return l.Nearest(name, n)
}
