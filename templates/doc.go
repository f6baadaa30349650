// Package templates holds the fixed wording of every document (headings,
// guidance lines, form labels) as embedded text files of "key: text" lines.
// A council can override any line from a directory of files with the same
// names, without rebuilding; an unknown key there is an error, so a typo never
// silently leaves the default in place. Text may name values as {name}.
//
// English is the base. Another language's wording lives in a folder named by
// its language subtag (cy/adult-plan.txt): Welsh is embedded for every
// document (the adult plan, the outcome form, the book, and document.txt's
// header, footer and month names, which Date uses), and a
// council adds others (ur/, pl/) in its templates directory the same way.
// For(lang) gives that language's wording, falling back to English for any
// line it does not have; Has says whether a language has wording at all.
package templates

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed *.txt */*.txt
var embedded embed.FS

// Wording is the fixed text of the documents, by key ("adult.heading.worries").
// The zero value is empty; use Load.
type Wording struct {
	m map[string]string
	// langs holds each other language's wording, English underneath; it
	// is shared by the English wording and every language's.
	langs map[string]*Wording
}

// Load reads the embedded wording and, when dir is not "", overrides it with
// the files found there.
func Load(dir string) (*Wording, error) {
	w := &Wording{m: map[string]string{}, langs: map[string]*Wording{}}
	files, _ := fs.Glob(embedded, "*.txt")
	sort.Strings(files)
	for _, name := range files {
		b, _ := embedded.ReadFile(name)
		if err := w.parse(name, b, false); err != nil {
			return nil, err
		}
	}
	var langFiles []langFile
	inLangs, _ := fs.Glob(embedded, "*/*.txt")
	for _, name := range inLangs {
		b, _ := embedded.ReadFile(name)
		langFiles = append(langFiles, langFile{name, b})
	}
	if dir == "" {
		return w, w.addLanguages(langFiles)
	}
	over, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(over) == 0 {
		return nil, fmt.Errorf("templates: no *.txt files in %s", dir)
	}
	sort.Strings(over)
	for _, path := range over {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		if err := w.parse(path, b, true); err != nil {
			return nil, err
		}
	}
	inDir, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(inDir)
	for _, path := range inDir {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		langFiles = append(langFiles, langFile{path, b})
	}
	return w, w.addLanguages(langFiles)
}

// langFile is one file of a language's wording: its path names the
// language's folder.
type langFile struct {
	path string
	data []byte
}

// addLanguages reads each language's files over a copy of the English
// wording (the council's after the embedded ones, so they win); a key that
// English does not have is an error.
func (w *Wording) addLanguages(files []langFile) error {
	for _, f := range files {
		lang := strings.ToLower(filepath.Base(filepath.Dir(f.path)))
		lw, ok := w.langs[lang]
		if !ok {
			lw = &Wording{m: make(map[string]string, len(w.m)), langs: w.langs}
			for k, v := range w.m {
				lw.m[k] = v
			}
			w.langs[lang] = lw
		}
		if err := lw.parse(f.path, f.data, true); err != nil {
			return err
		}
	}
	return nil
}

// primary is a language tag's primary subtag, lower case: "cy" for "cy-GB".
func primary(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(lang)), "-")
	return p
}

// For returns the wording in lang (a BCP 47 tag such as "cy" or "ur-PK"):
// that language's lines over English, or English itself when the language
// has no wording (see Has).
func (w *Wording) For(lang string) *Wording {
	if lw, ok := w.langs[primary(lang)]; ok {
		return lw
	}
	return w
}

// Has says whether lang has wording of its own; English always has.
func (w *Wording) Has(lang string) bool {
	p := primary(lang)
	if p == "" || p == "en" {
		return true
	}
	_, ok := w.langs[p]
	return ok
}

// Default returns the embedded wording.
func Default() *Wording {
	w, err := Load("")
	if err != nil {
		panic(err) // the embedded files are tested
	}
	return w
}

func (w *Wording) parse(name string, b []byte, override bool) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("templates: %s line %d: write each line as key: text", name, n)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if _, known := w.m[k]; override && !known {
			return fmt.Errorf("templates: %s line %d: unknown key %q", name, n, k)
		}
		w.m[k] = v
	}
	return sc.Err()
}

// Text returns the wording for key with {name} placeholders filled from
// pairs ("name", value, ...). A missing key returns the key itself, so that
// it shows up in a golden test.
func (w *Wording) Text(key string, pairs ...string) string {
	s, ok := w.m[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Date writes a day the long way in the wording's language ("6 October
// 2026", "6 Hydref 2026"), with its weekday first when weekday is set
// ("Tuesday 6 October 2026"), from the date.* lines.
func (w *Wording) Date(t time.Time, weekday bool) string {
	months := strings.Split(w.Text("date.months"), ",")
	days := strings.Split(w.Text("date.weekdays"), ",")
	month, day := t.Month().String(), t.Weekday().String()
	if m := int(t.Month()) - 1; len(months) == 12 {
		month = strings.TrimSpace(months[m])
	}
	if len(days) == 7 {
		day = strings.TrimSpace(days[t.Weekday()])
	}
	key := "date.long"
	if weekday {
		key = "date.long.weekday"
	}
	return w.Text(key, "day", strconv.Itoa(t.Day()), "month", month, "year", strconv.Itoa(t.Year()), "weekday", day)
}

// Keys lists every key, sorted.
func (w *Wording) Keys() []string {
	keys := make([]string, 0, len(w.m))
	for k := range w.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
