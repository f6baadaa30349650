package render

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	fontfiles "github.com/familynetwork/safetyplan/assets/fonts"
	"github.com/familynetwork/safetyplan/internal/layout"
	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// BenchmarkAgainstChromium makes the reference plan's adult plan (worker
// copy) with this service's engine and, in the same run, has a warm
// headless Chromium print the same document from HTML, the way a service
// built on a browser would: the text of every laid-out line, in the same
// fonts and sizes, as headings, paragraphs, lists and tables (with borders
// and header cells), on A4 with the same margins, with a running footer.
// Chromium is given neither the chart nor the pictures, so the comparison
// favours it.
//
// For b.N documents each way. Reported per document:
// own-cpu-ms (this process's CPU), chromium-cpu-ms (the CPU of every
// Chromium process: browser, renderer, GPU and utilities, from
// /proc/PID/stat), their wall times, and the ratios x-cpu and x-wall
// (how many times faster this engine is).
//
//	go test ./render -run '^$' -bench AgainstChromium -benchtime 30x
func BenchmarkAgainstChromium(b *testing.B) {
	exe := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		msg := "BROWSER MISSING: no chromium on PATH (apt-get install chromium); the comparison cannot run"
		if os.Getenv("CI") == "true" {
			b.Fatal(msg)
		}
		b.Skip(msg)
	}
	in := loadExample(b, "hughes-review")
	var pages []layout.Page
	opt := testOpt
	opt.laidOut = func(p []layout.Page) { pages = p }
	own := func() []byte {
		doc, err := AdultPlan(in, opt, AdultOptions{Audience: Worker})
		if err != nil {
			b.Fatal(err)
		}
		return doc
	}
	ownDoc := own() // warm: fonts parsed, caches filled
	markup := pagesHTML(pages)

	mux := http.NewServeMux()
	mux.HandleFunc("/plan.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(markup))
	})
	mux.Handle("/fonts/", http.StripPrefix("/fonts/", http.FileServerFS(fontfiles.FS)))
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)

	actx, cancelA := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.UserDataDir(b.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true))...)
	b.Cleanup(cancelA)
	ctx, cancel := chromedp.NewContext(actx)
	b.Cleanup(cancel)
	footer := `<div style="font: 7pt 'Noto Sans'; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between">` +
		`<span>OFFICIAL-SENSITIVE</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
	chromium := func() []byte {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/plan.html")); err != nil {
			b.Fatal(err)
		}
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
			PrintBackground: new(true), PreferCSSPageSize: new(true),
			DisplayHeaderFooter: new(true), HeaderTemplate: "<span></span>", FooterTemplate: footer,
			GenerateTaggedPDF: new(true),
		})
		if err != nil {
			b.Fatal(err)
		}
		return res.Data
	}
	chromeDoc := chromium() // warm: browser started, fonts loaded
	browserPID := chromedp.FromContext(ctx).Browser.Process().Pid

	// Both documents carry the plan: the same words, about as many pages.
	if dir := os.Getenv("SAFETYPLAN_SAMPLES"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "chromium-adult-plan.pdf"), chromeDoc, 0o644)
		_ = os.WriteFile(filepath.Join(dir, "chromium-adult-plan.html"), []byte(markup), 0o644)
		_ = os.WriteFile(filepath.Join(dir, "own-adult-plan.pdf"), ownDoc, 0o644)
	}
	// Both documents carry the same words (all but the page furniture).
	chromeWords := map[string]bool{}
	for _, w := range strings.Fields(pdftest.Text(b, chromeDoc)) {
		chromeWords[w] = true
	}
	ownWords, missing := strings.Fields(pdftest.Text(b, ownDoc)), 0
	for _, w := range ownWords {
		if !chromeWords[w] {
			missing++
		}
	}
	if missing*50 > len(ownWords) {
		b.Fatalf("%d of this engine's %d words are not in Chromium's document: the HTML is not the same document", missing, len(ownWords))
	}
	b.Logf("pages: this engine %d, Chromium %d; words: %d, %d not in Chromium's (page furniture)", pdftest.Pages(b, ownDoc), pdftest.Pages(b, chromeDoc), len(ownWords), missing)

	// The engines take turns, each warm and alone on the machine: n
	// documents by Chromium (timed by b.Loop: ns/op is Chromium's), then n
	// by this engine. Taking turns document by document lets each disturb
	// the other's caches; Chromium first, so that its background work after
	// starting is not running while this engine is measured.
	var ownCPU, ownWall, chromeCPU, chromeWall time.Duration
	n := 0
	t0, w1 := treeCPU(b, browserPID), time.Now()
	for b.Loop() {
		chromium()
		n++
	}
	chromeCPU, chromeWall = treeCPU(b, browserPID)-t0, time.Since(w1)
	c0, w0 := selfCPU(), time.Now()
	for range n {
		own()
	}
	ownCPU, ownWall = selfCPU()-c0, time.Since(w0)
	per := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(n) }
	b.ReportMetric(per(ownCPU), "own-cpu-ms")
	b.ReportMetric(per(chromeCPU), "chromium-cpu-ms")
	b.ReportMetric(per(ownWall), "own-wall-ms")
	b.ReportMetric(per(chromeWall), "chromium-wall-ms")
	b.ReportMetric(float64(chromeCPU)/float64(ownCPU), "x-cpu")
	b.ReportMetric(float64(chromeWall)/float64(ownWall), "x-wall")
}

// selfCPU is this process's CPU time so far, all threads.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// treeCPU is the CPU time so far of process pid and all its descendants
// (user and system, in clock ticks of 10 ms, as Linux counts them).
func treeCPU(b *testing.B, pid int) time.Duration {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		b.Fatal(err)
	}
	parent, ticks := map[int]int{}, map[int]int64{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue // gone since the listing
		}
		// pid (comm) state ppid ... utime stime: fields 4, 14 and 15, the
		// command name in brackets possibly holding spaces.
		f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(f) < 13 {
			continue
		}
		parent[p], _ = strconv.Atoi(f[1])
		u, _ := strconv.ParseInt(f[11], 10, 64)
		s, _ := strconv.ParseInt(f[12], 10, 64)
		ticks[p] = u + s
	}
	var total int64
	for p, t := range ticks {
		for q := p; q > 1; q = parent[q] {
			if q == pid {
				total += t
				break
			}
		}
	}
	return time.Duration(total) * 10 * time.Millisecond
}

// pagesHTML writes laid-out pages as the HTML a browser-based service would
// print: the text of every line in its element (heading, paragraph, list
// item, table cell), in its font, size and colour; the page furniture
// (header, footer, repeated table headers) left to the browser.
func pagesHTML(pages []layout.Page) string {
	var sb strings.Builder
	sb.WriteString(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Family safety plan</title><style>
@font-face { font-family: 'Noto Sans'; src: url(/fonts/NotoSans-Regular.ttf); }
@font-face { font-family: 'Noto Sans'; font-weight: bold; src: url(/fonts/NotoSans-Bold.ttf); }
@font-face { font-family: 'Noto Sans'; font-style: italic; src: url(/fonts/NotoSans-Italic.ttf); }
@font-face { font-family: 'Noto Sans'; font-weight: bold; font-style: italic; src: url(/fonts/NotoSans-BoldItalic.ttf); }
@page { size: A4; margin: 22mm 18mm 20mm 18mm; }
body { font: 10pt/1.3 'Noto Sans'; color: #1a1a1a; margin: 0; }
h1, h2, h3, p, li { margin: 0 0 1.2mm; }
h2 { border-bottom: 0.5pt solid #1f4e79; margin-top: 6mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 0.25pt solid #9aa5b1; padding: 2mm; vertical-align: top; text-align: start; }
th { background: #e8eef4; }
tr { break-inside: avoid; }
li { list-style: none; }
</style></head><body>`)
	// The elements as a tree, in the order each first appears, with the
	// runs of text each holds: a table cell's lines are spread over the
	// row's bands, between other cells' lines.
	type node struct {
		el       *layout.Element
		runs     []string
		children []*node
	}
	root := &node{}
	nodes := map[*layout.Element]*node{}
	var place func(e *layout.Element) *node
	place = func(e *layout.Element) *node {
		if n, ok := nodes[e]; ok {
			return n
		}
		parent := root
		if e.Parent != nil {
			parent = place(e.Parent)
		}
		n := &node{el: e}
		nodes[e] = n
		parent.children = append(parent.children, n)
		return n
	}
	for _, pg := range pages {
		for _, it := range pg.Items {
			t, ok := it.(layout.Text)
			if !ok {
				continue
			}
			el := t.El
			if el == nil {
				el = &layout.Element{Role: "P"}
			}
			top := el
			for top.Parent != nil {
				top = top.Parent
			}
			if top.Role == "Artifact" {
				continue
			}
			css := fmt.Sprintf("font-size:%gpt;color:#%02x%02x%02x", t.Font.Size, t.Color.R, t.Color.G, t.Color.B)
			if strings.Contains(t.Font.Style, "B") {
				css += ";font-weight:bold"
			}
			if strings.Contains(t.Font.Style, "I") {
				css += ";font-style:italic"
			}
			n := place(el)
			n.runs = append(n.runs, `<span style="`+css+`">`+html.EscapeString(t.Text)+"</span> ")
		}
	}
	var write func(n *node)
	write = func(n *node) {
		tag := htmlTag(n.el.Role)
		sb.WriteString("<" + tag + ">")
		for _, r := range n.runs {
			sb.WriteString(r)
		}
		for _, c := range n.children {
			write(c)
		}
		sb.WriteString("</" + tag + ">")
	}
	for _, c := range root.children {
		write(c)
	}
	sb.WriteString("</body></html>")
	return sb.String()
}

// htmlTag is the HTML element for a PDF structure type.
func htmlTag(role string) string {
	switch role {
	case "H1", "H2", "H3", "H4", "H5", "H6":
		return strings.ToLower(role)
	case "P":
		return "p"
	case "LI":
		return "li"
	case "Lbl", "LBody":
		return "span"
	case "Table":
		return "table"
	case "TR":
		return "tr"
	case "TH":
		return "th"
	case "TD":
		return "td"
	case "Figure":
		return "figure"
	case "Caption":
		return "figcaption"
	}
	return "div"
}
