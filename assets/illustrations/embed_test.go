package illustrations

import (
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
)

// The thorough checks (parsing, rendering, the HTTP handler) live in
// internal/illustration; this only checks that the embedded files are all
// there and that catalogue.json and the SVG files name each other.
func TestEmbeddedFilesMatchCatalogue(t *testing.T) {
	raw, err := fs.ReadFile(FS, "catalogue.json")
	if err != nil {
		t.Fatal(err)
	}
	var entries []struct {
		Name        string   `json:"name"`
		Description string   `json:"description"`
		Tags        []string `json:"tags"`
	}
	if err := json.Unmarshal(raw, &entries); err != nil {
		t.Fatalf("catalogue.json: %v", err)
	}
	files, err := fs.Glob(FS, "*.svg")
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		onDisk[strings.TrimSuffix(f, ".svg")] = true
	}
	listed := map[string]bool{}
	for _, e := range entries {
		t.Run(e.Name, func(t *testing.T) {
			if listed[e.Name] {
				t.Error("listed twice")
			}
			listed[e.Name] = true
			if !onDisk[e.Name] {
				t.Errorf("%s.svg is missing", e.Name)
			}
			if e.Description == "" || len(e.Tags) == 0 {
				t.Error("needs a description and tags")
			}
			src, _ := fs.ReadFile(FS, e.Name+".svg")
			if !strings.HasPrefix(string(src), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200"`) {
				t.Errorf("%s.svg does not start with the standard root element", e.Name)
			}
		})
	}
	for name := range onDisk {
		if !listed[name] {
			t.Errorf("%s.svg is not in catalogue.json", name)
		}
	}
}
