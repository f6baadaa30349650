package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// The page loads nothing from anywhere else and runs under the strict
// Content-Security-Policy: no address outside this service in any file, and
// no inline script, style or event handler in the HTML.
func TestStaticFilesStayInside(t *testing.T) {
	outside := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9-]+\.[a-z]`)
	n := 0
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		b, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		for _, line := range strings.Split(s, "\n") {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "//") || strings.HasPrefix(trimmed, "/*") || strings.HasPrefix(trimmed, "*") {
				continue // comments may name things; code may not load them
			}
			if m := outside.FindString(line); m != "" {
				t.Errorf("%s names an outside address (%s): %s", p, m, trimmed)
			}
		}
		if strings.HasSuffix(p, ".html") {
			for _, bad := range []string{"<style", " style=", " onclick=", " onload=", " onchange=", "javascript:"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s contains %q, which the Content-Security-Policy forbids", p, bad)
				}
			}
			if regexp.MustCompile(`<script(?:\s[^>]*)?>\s*[^<\s]`).MatchString(s) {
				t.Errorf("%s has an inline script", p)
			}
		}
		if strings.HasSuffix(p, ".js") {
			for _, bad := range []string{"eval(", "new Function(", ".innerHTML =", "setAttribute('style'", "document.write("} {
				if strings.Contains(s, bad) {
					t.Errorf("%s uses %q", p, bad)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("only %d static files embedded", n)
	}
}
