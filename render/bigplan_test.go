package render

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// bigPlan is a plan with 40 rules, 25 people and a 3,000-word worry,
// built from the Hughes example.
func bigPlan(t *testing.T) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(examplesDir, "hughes-review.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	people := p["people"].([]any)
	for i := len(people); i < 25; i++ {
		people = append(people, map[string]any{"id": fmt.Sprintf("p%d", i), "name": fmt.Sprintf("Helper Number%d Ó Súilleabháin", i),
			"relationship": "Family friend from the allotment", "role": "network", "phone": fmt.Sprintf("07700 9%05d", i), "share_contact": i%2 == 0})
	}
	p["people"] = people
	var words []string
	for i := 0; i < 3000; i++ {
		words = append(words, fmt.Sprintf("word%d", i))
	}
	worries := p["assessment"].(map[string]any)["worries"].([]any)
	worries[0].(map[string]any)["statement"] = strings.Join(words, " ")
	rules := p["plan"].(map[string]any)["rules"].([]any)
	base := rules[0].(map[string]any)
	for i := len(rules); i < 40; i++ {
		r := map[string]any{}
		for k, v := range base {
			r[k] = v
		}
		r["id"] = fmt.Sprintf("r%d", i)
		r["when"] = fmt.Sprintf("Rule%d time", i)
		r["monitoring"] = fmt.Sprintf("Checkmark%d in the diary.", i)
		r["who"] = []any{fmt.Sprintf("p%d", 7+i%18)}
		rules = append(rules, r)
	}
	p["plan"].(map[string]any)["rules"] = rules
	out, _ := json.Marshal(p)
	return out
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
var bboxPage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)

type box struct {
	x0, y0, x1, y1 float64
	text           string
}

// pageWords returns every word's box, page by page, from pdftotext -bbox.
func pageWords(t *testing.T, pdf []byte) (pages [][]box, w, h float64) {
	t.Helper()
	pdftest.Need(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "big.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range strings.Split(string(out), "</page>") {
		m := bboxPage.FindStringSubmatch(chunk)
		if m == nil {
			continue
		}
		w, _ = strconv.ParseFloat(m[1], 64)
		h, _ = strconv.ParseFloat(m[2], 64)
		var ws []box
		for _, wm := range bboxWord.FindAllStringSubmatch(chunk, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			ws = append(ws, box{f(wm[1]), f(wm[2]), f(wm[3]), f(wm[4]), wm[5]})
		}
		pages = append(pages, ws)
	}
	return pages, w, h
}

func TestLongPlanFlowsOverPages(t *testing.T) {
	in, err := Load(bigPlan(t), nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Valid(t, pdf)
	pages, w, h := pageWords(t, pdf)
	if len(pages) < 10 {
		t.Fatalf("only %d pages for 40 rules, 25 people and 3,000 words", len(pages))
	}
	const mm = 72 / 25.4
	all := map[string]bool{}
	for pi, ws := range pages {
		for i, a := range ws {
			all[a.text] = true
			if a.x0 < a4.Left*mm-1 || a.x1 > w-a4.Right*mm+1 || a.y0 < 0 || a.y1 > h {
				t.Errorf("page %d: %q at x %.0f to %.0f, y %.0f is outside the margins", pi+1, a.text, a.x0, a.x1, a.y0)
			}
			// A word's box includes the font's ascent and descent, which
			// neighbouring lines share; compare the middle of each box.
			ay0, ay1 := a.y0+0.3*(a.y1-a.y0), a.y1-0.3*(a.y1-a.y0)
			for _, b := range ws[i+1:] {
				by0, by1 := b.y0+0.3*(b.y1-b.y0), b.y1-0.3*(b.y1-b.y0)
				if a.x0 < b.x1-0.5 && b.x0 < a.x1-0.5 && ay0 < by1 && by0 < ay1 {
					t.Errorf("page %d: %q overlaps %q", pi+1, a.text, b.text)
				}
			}
		}
	}
	for i := 0; i < 3000; i++ {
		if !all[fmt.Sprintf("word%d", i)] {
			t.Fatalf("word%d of the worry statement is missing: text was cut off", i)
		}
	}
	for i := 5; i < 40; i++ {
		if !all[fmt.Sprintf("Rule%d", i)] {
			t.Errorf("rule %d is missing", i)
		}
	}
	// Every page with rows of the rules table repeats its header.
	rulePages := 0
	for pi, ws := range pages {
		hasRow, hasHeader := false, false
		for _, b := range ws {
			if strings.HasPrefix(b.text, "Checkmark") {
				hasRow = true
			}
			if b.text == "Backup" {
				hasHeader = true
			}
		}
		if hasRow {
			rulePages++
			if !hasHeader {
				t.Errorf("page %d has rules but no table header", pi+1)
			}
		}
	}
	if rulePages < 2 {
		t.Errorf("the rules table spans %d page(s); expected it to need several", rulePages)
	}
}

func TestVeryLongWordWraps(t *testing.T) {
	raw, _ := os.ReadFile(filepath.Join(examplesDir, "hughes-review.json"))
	long := strings.Repeat("x", 5000)
	url := "https://example.org/" + strings.Repeat("a/", 400)
	s := strings.Replace(string(raw), "Children's social care and Leanne are worried", long+" "+url+" Children's social care and Leanne are worried", 1)
	in, err := Load([]byte(s), nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := AdultPlan(in, testOpt, AdultOptions{Audience: Worker})
	if err != nil {
		t.Fatal(err)
	}
	pages, w, _ := pageWords(t, pdf)
	const mm = 72 / 25.4
	total := 0
	for _, ws := range pages {
		for _, b := range ws {
			if strings.Trim(b.text, "x") == "" {
				total += len(b.text)
			}
			if b.x1 > w-a4.Right*mm+1 {
				t.Errorf("%q runs off the page (x1 %.0f)", short(b.text), b.x1)
			}
		}
	}
	if total < 5000 {
		t.Errorf("only %d of 5,000 characters of the long word are on the page", total)
	}
}
