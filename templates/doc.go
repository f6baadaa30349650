// Package templates holds the fixed wording of every document (headings,
// guidance lines, form labels) as embedded text files of "key: text" lines.
// A council can override any line from a directory of files with the same
// names, without rebuilding; an unknown key there is an error, so a typo never
// silently leaves the default in place. Text may name values as {name}.
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
	"strings"
)

//go:embed *.txt
var embedded embed.FS

// Wording is the fixed text of the documents, by key ("adult.heading.worries").
// The zero value is empty; use Load.
type Wording struct{ m map[string]string }

// Load reads the embedded wording and, when dir is not "", overrides it with
// the files found there.
func Load(dir string) (*Wording, error) {
	w := &Wording{m: map[string]string{}}
	files, _ := fs.Glob(embedded, "*.txt")
	sort.Strings(files)
	for _, name := range files {
		b, _ := embedded.ReadFile(name)
		if err := w.parse(name, b, false); err != nil {
			return nil, err
		}
	}
	if dir == "" {
		return w, nil
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
	return w, nil
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

// Keys lists every key, sorted.
func (w *Wording) Keys() []string {
	keys := make([]string, 0, len(w.m))
	for k := range w.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
