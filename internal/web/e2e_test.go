package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// A worker builds a plan from a blank page for a family of one child, two
// network members and two rules: a photo uploaded for one, pictures picked
// from the library, a validation error seen next to its field and in the
// summary and then cleared, the Practice Direction panel, a preview, the
// documents downloaded and read, the plan file saved and opened again, the
// draft carried on with, and the child's view, which never shows the
// number of someone who has not agreed to share it.
func TestWorkerBuildsAPlan(t *testing.T) {
	t.Parallel()
	p := newPage(t, 1280, 800)
	photo := writeJPEG(t, "nana.jpg")

	p.click("#start-new")
	p.waitVisible("#s-case")
	if got := p.text("#draft-status"); !strings.Contains(got, "kept in this browser") {
		t.Errorf("the page does not say where the draft is kept: %q", got)
	}

	// The case.
	p.typeIn("#f-case-reference", "LCS-1234567")
	p.setValue("#f-case-team", "area")
	if got := eval[string](p, `document.querySelector('#f-case-record-system').value`); got != "LCS" {
		t.Errorf("record system after choosing an area team = %q, want LCS", got)
	}
	p.setValue("#f-case-involvement-started", "2026-10-01")
	p.typeIn("#f-case-lead-worker-name", "Priya Shah")
	p.typeIn("#f-case-lead-worker-role", "Social Worker")

	// The child, with a picture from the library found by searching.
	p.goTo("children")
	p.click("#f-children-add")
	p.typeIn("#f-children-0--name", "Kayden Hughes")
	p.typeIn("#f-children-0--known-as", "Kayden")
	p.setValue("#f-children-0--date-of-birth", "2019-05-02")
	p.pickFromLibrary("#f-children-0--picture", "boy", "boy")

	// Two network members: Nana Jean with an uploaded photo, and Tomasz
	// next door, who has not agreed to share his number.
	p.goTo("people")
	p.click("#f-people-add")
	p.typeIn("#f-people-0--name", "Jean Hughes")
	p.typeIn("#f-people-0--known-as", "Nana Jean")
	p.typeIn("#f-people-0--relationship", "Maternal grandmother")
	p.setValue("#f-people-0--role", "network")
	p.typeIn("#f-people-0--phone", "07700 900222")
	p.click("#f-people-0--share-contact")
	p.click("#f-people-0--picture")
	p.waitVisible("#picker-file")
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#picker-file"), []string{photo}))
	p.waitFor("the photo's preview", `!document.querySelector('#picker-preview').hidden && document.querySelector('#picker-preview-img').naturalWidth > 0`)
	p.click("#picker-use-upload")
	p.waitFor("the photo on the person", `(document.querySelector('[data-path="people[0].picture"] img') || {}).src?.startsWith('blob:')`)
	if got := p.text(`[data-path="people[0].picture"] .picture__now`); !strings.Contains(got, "nana.jpg") {
		t.Errorf("the picture field says %q, want the uploaded file named", got)
	}
	p.click("#f-people-add")
	p.typeIn("#f-people-1--name", "Tomasz Kowalski")
	p.typeIn("#f-people-1--known-as", "Tomasz next door")
	p.typeIn("#f-people-1--relationship", "Neighbour")
	p.setValue("#f-people-1--role", "network")
	p.typeIn("#f-people-1--phone", "07700 900444")
	p.pickFromLibrary("#f-people-1--picture", "next-door", "neighbour")

	// A meeting whose outcome is dated before the meeting: the problem
	// appears beside the field and in the summary, the summary's link goes
	// to the field, and it clears when the date is put right.
	p.goTo("meetings")
	p.click("#f-meetings-add")
	p.setValue("#f-meetings-0--date", "2026-10-20")
	p.click(`[data-path="meetings[0].attendees"] input[value="jean-hughes"]`)
	p.click(`[data-path="meetings[0].attendees"] input[value="priya-shah"]`)
	p.setValue("#f-meetings-0--facilitator", "priya-shah")
	p.setValue("#f-meetings-0--outcome-recorded-on", "2026-10-19")
	p.waitFor("the date problem beside its field", `(document.querySelector('[data-path="meetings[0].outcome_recorded_on"] .error-message') || {}).textContent?.includes('before the meeting itself')`)
	summary := p.text("#error-summary")
	if !strings.Contains(summary, "There is a problem") || !strings.Contains(summary, "before the meeting itself") {
		t.Errorf("error summary = %q", summary)
	}
	if n := eval[int](p, `document.querySelector('[data-badge="meetings"]').hidden ? 0 : Number(document.querySelector('[data-badge="meetings"]').textContent)`); n != 1 {
		t.Errorf("the Meetings section's badge counts %d problems, want 1", n)
	}
	p.goTo("case")
	p.click("#error-summary-list a")
	p.waitFor("the summary link to open Meetings and focus the field", `document.activeElement && document.activeElement.id === 'f-meetings-0--outcome-recorded-on' && !document.querySelector('#s-meetings').hidden`)
	p.setValue("#f-meetings-0--outcome-recorded-on", "2026-10-22")
	p.waitFor("the problem to clear", `!document.querySelector('[data-path="meetings[0].outcome_recorded_on"] .error-message') && document.querySelector('#error-summary').hidden`)

	// A worry Nana Jean disagrees with, and a goal.
	p.goTo("worries")
	p.click("#f-assessment-worries-add")
	p.typeIn("#f-assessment-worries-0--statement", "Children's social care are worried that Kayden could be left at home without an adult in the mornings.")
	p.click(`[data-path="assessment.worries[0].disputed_by"] input[value="jean-hughes"]`)
	p.typeIn("#f-assessment-worries-0--dispute", "Jean says this has only happened once.")
	p.click("#f-assessment-goals-add")
	p.typeIn("#f-assessment-goals-0--statement", "Kayden always has an adult who gets him up and to school.")

	// Two rules: the first with a library picture, the second with none (its
	// page then shows Tomasz's picture).
	p.goTo("rules")
	p.click("#f-plan-rules-add")
	p.typeIn("#f-plan-rules-0--when", "Every school morning")
	p.typeIn("#f-plan-rules-0--then", "Nana Jean phones at 7:30 and comes round if there is no answer.")
	p.click(`[data-path="plan.rules[0].who"] input[value="jean-hughes"]`)
	p.typeIn("#f-plan-rules-0--monitoring", "Nana Jean's diary.")
	p.typeIn("#f-plan-rules-0--child-words", "Every morning Nana Jean makes sure we have breakfast.")
	p.pickFromLibrary("#f-plan-rules-0--picture", "cereal", "breakfast")
	p.click("#f-plan-rules-add")
	p.typeIn("#f-plan-rules-1--when", "Whenever Kayden feels worried at home")
	p.typeIn("#f-plan-rules-1--then", "He can knock next door for Tomasz, who phones Nana Jean.")
	p.click(`[data-path="plan.rules[1].who"] input[value="tomasz-kowalski"]`)
	p.click(`[data-path="plan.rules[1].backup"] input[value="jean-hughes"]`)
	p.typeIn("#f-plan-rules-1--child-words", "If I feel scared I can knock next door for Tomasz.")
	// Reorder and back: the second rule moves up, then down again.
	p.click("#f-plan-rules-1--up")
	if got := eval[string](p, `document.querySelector('#f-plan-rules-0--when').value`); got != "Whenever Kayden feels worried at home" {
		t.Errorf("after Move up the first rule is %q", got)
	}
	p.click("#f-plan-rules-0--down")

	// The Words and Pictures explanation.
	p.goTo("words-pictures")
	p.typeIn("#f-words-and-pictures-explanation-title", "Kayden's story")
	p.click("#f-words-and-pictures-explanation-pages-add")
	p.typeIn("#f-words-and-pictures-explanation-pages-0--text", "Priya is a social worker. She helps make sure children are safe.")
	// A number Tomasz has not agreed to share, written into a page by
	// mistake: the page warns, and the child's view hides it.
	p.click("#f-words-and-pictures-explanation-pages-add")
	p.typeIn("#f-words-and-pictures-explanation-pages-1--text", "Tomasz lives next door. His number is 07700 900444.")
	p.waitFor("the warning about the number", `(document.querySelector('#child-leaks') || {}).textContent?.includes('page 2 of the explanation')`)

	p.waitFor("the plan to check clean", `document.querySelector('#check-status').dataset.state === 'clean' && document.querySelector('#error-summary').hidden && document.querySelector('#todo').hidden`)
	pd := p.text("#pd-body")
	for _, want := range []string{"Deadlines", "MET", "Checked on 22 November 2026"} {
		if !strings.Contains(pd, want) {
			t.Errorf("Practice Direction panel lacks %q:\n%s", want, pd)
		}
	}

	// Preview the worker's copy in the page.
	p.goTo("documents")
	p.click("#doc-worker-preview")
	p.waitFor("the preview", `(document.querySelector('#preview-frame') || {}).src?.startsWith('blob:')`)
	if got := eval[string](p, `document.querySelector('#preview-frame').title`); got != "Preview of the adult safety plan: worker's copy" {
		t.Errorf("the preview's title is %q", got)
	}
	// The preview's own download link saves the very PDF on screen: the
	// worker's copy, with every number in it.
	p.click("#preview-download")
	worker := p.nextDownload()
	if !strings.HasPrefix(string(worker.data), "%PDF-") || !strings.HasPrefix(worker.name, "LCS-1234567_safety-plan_") {
		t.Errorf("the previewed document %q is not the worker's copy PDF", worker.name)
	}
	if text := pdftest.Normalize(pdftest.Text(t, worker.data)); !strings.Contains(text, "07700 900444") || !strings.Contains(text, "Kayden Hughes") {
		t.Errorf("the worker's copy lacks Tomasz's number or the child's name:\n%.2000s", text)
	}

	// Download everything as a zip, or, while the service has no zip yet,
	// the network copy; and read the PDFs.
	p.click("#doc-all-download")
	p.waitFor("the zip", `/ready|does not make/.test(document.querySelector('#doc-status').textContent)`)
	if strings.Contains(p.text("#doc-status"), "does not make") {
		t.Log("the service has no /v1/documents zip yet: checking the network copy instead")
		p.click("#doc-network-download")
		d := p.nextDownload()
		if !strings.HasSuffix(d.name, ".pdf") {
			t.Errorf("download named %q", d.name)
		}
		checkNetworkCopy(t, d.data)
	} else {
		d := p.nextDownload()
		checkZip(t, d)
	}

	// Save the plan file: the plan format, with the photo inside it.
	p.click("#save-plan")
	saved := p.nextDownload()
	if !strings.HasPrefix(saved.name, "lcs-1234567_plan_") || !strings.HasSuffix(saved.name, ".json") {
		t.Errorf("plan file named %q", saved.name)
	}
	var got map[string]any
	if err := json.Unmarshal(saved.data, &got); err != nil {
		t.Fatalf("the plan file is not JSON: %v", err)
	}
	checkSavedPlan(t, got)

	// The draft: a reload offers to carry on with it, and it is the same plan.
	p.do(chromedp.Reload())
	p.waitVisible("#start-continue")
	if got := p.text("#start-draft-text"); !strings.Contains(got, "Kayden Hughes") || !strings.Contains(got, "LCS-1234567") {
		t.Errorf("the draft is described as %q", got)
	}
	p.click("#start-continue")
	p.waitVisible("#app")
	if got := eval[string](p, `document.querySelector('#f-case-reference').value`); got != "LCS-1234567" {
		t.Errorf("draft: case reference = %q", got)
	}

	// Reopen the saved file in a browser with no draft: the same plan.
	// (Leaving the page keeps the draft on pagehide, so it is cleared once
	// the page is left.)
	p.do(chromedp.Navigate("about:blank"))
	if _, err := chromedp.Call(p.ctx, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: p.url, StorageTypes: "local_storage"}); err != nil {
		t.Fatal(err)
	}
	p.do(chromedp.Navigate(p.url + "/"))
	p.waitVisible("#start-new")
	if !eval[bool](p, `document.querySelector('#start-draft').hidden`) {
		t.Error("after clearing, the start page still offers a draft")
	}
	file := filepath.Join(t.TempDir(), saved.name)
	if err := os.WriteFile(file, saved.data, 0o600); err != nil {
		t.Fatal(err)
	}
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
	p.waitVisible("#app")
	for css, want := range map[string]string{
		"#f-case-reference": "LCS-1234567", "#f-case-team": "area", "#f-case-involvement-started": "2026-10-01",
		"#f-children-0--name": "Kayden Hughes", "#f-people-0--name": "Jean Hughes", "#f-people-1--known-as": "Tomasz next door",
		"#f-plan-rules-1--when": "Whenever Kayden feels worried at home", "#f-meetings-0--outcome-recorded-on": "2026-10-22",
	} {
		if got := eval[string](p, fmt.Sprintf(`document.querySelector(%q).value`, css)); got != want {
			t.Errorf("reopened: %s = %q, want %q", css, got, want)
		}
	}
	if !eval[bool](p, `document.querySelector('[data-path="people[0].picture"] img').src.startsWith('data:image/jpeg')`) {
		t.Error("reopened: Nana Jean's photo is not shown")
	}
	p.waitFor("the reopened plan to check clean", `document.querySelector('#check-status').dataset.state === 'clean'`)
	p.click("#save-plan")
	again := p.nextDownload()
	if !bytes.Equal(again.data, saved.data) {
		t.Errorf("saving the reopened plan gives a different file:\n%s\nwant\n%s", again.data, saved.data)
	}

	// The child's view: Nana Jean's number (shared) is shown, Tomasz's never;
	// the worried page goes on from the rule that already says what to do
	// when scared ("I can also…").
	texts := p.childPages("#show-child")
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Kayden's story", "Priya is a social worker", "The people who help me", "Nana Jean", "Tomasz next door",
		"07700 900222", "Every morning Nana Jean makes sure we have breakfast.", "If I feel scared I can knock next door for Tomasz.",
		"I can also", "talk to Priya, my social worker", "0800 1111", "999", "(number not shared)"} {
		if !strings.Contains(all, want) {
			t.Errorf("the child's view lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "900444") {
		t.Errorf("the child's view shows Tomasz's number, which he has not agreed to share:\n%s", all)
	}
	// The rule with no picture of its own shows its first person's (Tomasz's).
	if !strings.Contains(p.childPictures(), "/v1/illustrations/neighbour.png") {
		t.Error("the rule page for Tomasz does not show his picture")
	}
	// "No phone numbers at all" leaves out Nana Jean's too, but not Childline.
	p.goTo("words-pictures")
	p.click("#child-no-numbers")
	all = strings.Join(p.childPages("#show-child-here"), "\n")
	if strings.Contains(all, "900222") || strings.Contains(all, "900444") || !strings.Contains(all, "0800 1111") {
		t.Errorf("with no phone numbers, the child's view shows:\n%s", all)
	}

	// The worker's copy of the safety plan carries the plan and its photos:
	// opened here, it is the same plan, with Nana Jean's photo, and checks
	// clean (so the photo goes back to the service with it).
	p.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`), chromedp.Reload())
	p.waitVisible("#start-open")
	pdfFile := filepath.Join(t.TempDir(), worker.name)
	if err := os.WriteFile(pdfFile, worker.data, 0o600); err != nil {
		t.Fatal(err)
	}
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{pdfFile}))
	p.waitFor("the plan from the PDF", `(document.querySelector('#f-case-reference') || {}).value === 'LCS-1234567'`)
	if got := eval[string](p, `document.querySelector('#f-plan-rules-1--child-words').value`); got != "If I feel scared I can knock next door for Tomasz." {
		t.Errorf("from the PDF: rule 2 in the child's words = %q", got)
	}
	p.waitFor("Nana Jean's photo from the PDF", `document.querySelector('[data-path="people[0].picture"] img').src.startsWith('blob:')`)
	p.waitFor("the plan from the PDF to check clean", `document.querySelector('#check-status').dataset.state === 'clean'`)
	p.noConsoleErrors()
}

// Taking someone out of the plan takes them out of every rule, meeting and
// list they were chosen in, after asking, so the plan stays whole.
func TestRemovingSomeoneTakesThemOutOfThePlan(t *testing.T) {
	t.Parallel()
	p := newPage(t, 1280, 800)
	dialogs := chromedp.Events(p.ctx, cdppage.JavascriptDialogOpening)
	asked := make(chan string, 4)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			asked <- ev.Message
			chromedp.Call(p.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "hughes-review.json")}))
	p.waitFor("the plan to check clean", `document.querySelector('#check-status') && document.querySelector('#check-status').dataset.state === 'clean'`)
	p.goTo("people")
	if got := eval[string](p, `document.querySelector('#f-people-4--name').value`); got != "Tomasz Kowalski" {
		t.Fatalf("person 5 is %q", got)
	}
	p.click("#f-people-4--remove")
	select {
	case msg := <-asked:
		if !strings.Contains(msg, "Tomasz Kowalski is named in") {
			t.Errorf("the question asked: %q", msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("removing someone named in the rules did not ask first")
	}
	p.waitFor("Tomasz gone from the people", `document.querySelector('#f-people-4--name').value !== 'Tomasz Kowalski'`)
	p.waitFor("the plan to check clean without him", `document.querySelector('#check-status').dataset.state === 'clean'`)
	if n := eval[int](p, `document.querySelectorAll('input[type=checkbox][value="tomasz"]').length`); n != 0 {
		t.Errorf("Tomasz can still be chosen in %d places", n)
	}
	p.goTo("rules")
	if eval[bool](p, `document.querySelector('[data-path="plan.rules[4].who"]').textContent.includes('Tomasz')`) {
		t.Error("the rule for when the children are worried still names Tomasz")
	}
	p.noConsoleErrors()
}

// The Practice Direction panel says what is overdue and how many days are
// left, from the service's check (today is 22 November 2026).
func TestPracticeDirectionPanel(t *testing.T) {
	t.Parallel()
	p := newPage(t, 1280, 800)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "adeyemi-early-help.json")}))
	p.waitFor("the check", `(document.querySelector('#check-status') || {dataset: {}}).dataset.state === 'clean'`)
	pd := p.text("#pd-body")
	for _, want := range []string{"OVERDUE", "Outcome of 2 November 2026 recorded", "Due 9 November 2026", "working days overdue",
		"DUE", "Due 30 November 2026 (8 days left)", "MET", "First family/network meeting"} {
		if !strings.Contains(pd, want) {
			t.Errorf("the panel lacks %q:\n%s", want, pd)
		}
	}
	// "Go to it" on a finding opens the field it is about.
	p.click(`#pd-body .finding button`)
	p.waitFor("a field to have the focus", `!!document.activeElement.closest('section[data-section]')`)
	p.noConsoleErrors()
}

// goTo opens a section from the side navigation.
func (p *page) goTo(section string) {
	p.t.Helper()
	p.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#sections-nav').open = true`))
	p.click(fmt.Sprintf(`a.sections-nav__link[data-section=%q]`, section))
	p.waitFor("section "+section, fmt.Sprintf(`!document.querySelector('#s-%s').hidden`, section))
}

// pickFromLibrary opens the picker from a picture field, searches and
// picks a picture, and checks the field shows it.
func (p *page) pickFromLibrary(button, search, name string) {
	p.t.Helper()
	p.click(button)
	p.waitVisible("#picker-search")
	p.do(chromedp.SendKeys(chromedp.CSS("#picker-search"), search))
	sel := fmt.Sprintf(`#picker-grid button[data-name=%q]`, name)
	p.waitFor("the library to show "+name, fmt.Sprintf(`!!document.querySelector(%q) && document.querySelectorAll('#picker-grid li').length < 10`, sel))
	p.click(sel)
	p.waitFor("the dialog to close", `!document.querySelector('#picker').open`)
	p.waitFor(name+" in the field", fmt.Sprintf(`(document.querySelector('%s') && document.querySelector('%s').closest('[data-path]').querySelector('img') || {}).src?.includes('/v1/illustrations/%s.png')`, button, button, name))
}

// childPages opens the child's view with the button, reads every page by
// going on with the arrow key, and leaves with Escape.
func (p *page) childPages(button string) []string {
	p.t.Helper()
	p.click(button)
	p.waitVisible("#child-page .child__content")
	n := eval[int](p, `Number(document.querySelector('#child-count').textContent.split(' of ')[1])`)
	if n < 5 {
		p.t.Fatalf("the child's view has %d pages", n)
	}
	var texts []string
	p.pictures = nil
	for i := 1; i <= n; i++ {
		p.waitFor(fmt.Sprintf("page %d", i), fmt.Sprintf(`document.querySelector('#child-page').dataset.page === '%d'`, i))
		texts = append(texts, p.text("#child-page"))
		p.pictures = append(p.pictures, eval[string](p, `[...document.querySelectorAll('#child-page img')].map(i => i.getAttribute('src')).join(' ')`))
		if i < n {
			p.do(chromedp.KeyEvent(kb.ArrowRight))
		}
	}
	// Back goes back.
	p.do(chromedp.KeyEvent(kb.ArrowLeft))
	p.waitFor("back a page", fmt.Sprintf(`document.querySelector('#child-page').dataset.page === '%d'`, n-1))
	p.do(chromedp.KeyEvent(kb.Escape))
	p.waitFor("the child's view to close", `document.querySelector('#child').hidden`)
	return texts
}

func (p *page) childPictures() string { return strings.Join(p.pictures, " ") }

func checkNetworkCopy(t *testing.T, pdf []byte) {
	t.Helper()
	text := pdftest.Normalize(pdftest.Text(t, pdf))
	for _, want := range []string{"LCS-1234567", "Kayden Hughes", "Jean Hughes", "07700 900222", "Every school morning", "Whenever Kayden feels worried at home"} {
		if !strings.Contains(text, want) {
			t.Errorf("the network copy lacks %q", want)
		}
	}
	if strings.Contains(text, "900444") {
		t.Error("the network copy shows Tomasz's number, which he has not agreed to share")
	}
}

func checkZip(t *testing.T, d download) {
	t.Helper()
	if !strings.HasSuffix(d.name, ".zip") {
		t.Errorf("zip named %q", d.name)
	}
	zr, err := zip.NewReader(bytes.NewReader(d.data), int64(len(d.data)))
	if err != nil {
		t.Fatalf("the download is not a zip: %v", err)
	}
	var names []string
	pdfs := 0
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !strings.HasSuffix(f.Name, ".pdf") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		pdfs++
		text := pdftest.Normalize(pdftest.Text(t, buf.Bytes()))
		if !strings.Contains(text, "Kayden") {
			t.Errorf("%s does not name the child", f.Name)
		}
		if strings.Contains(f.Name, "network") {
			checkNetworkCopy(t, buf.Bytes())
		}
	}
	if !strings.Contains(strings.Join(names, " "), "manifest.json") || pdfs < 3 {
		t.Errorf("the zip holds %v", names)
	}
}

func checkSavedPlan(t *testing.T, got map[string]any) {
	t.Helper()
	b, _ := json.Marshal(got)
	s := string(b)
	for _, want := range []string{`"reference":"LCS-1234567"`, `"id":"kayden-hughes"`, `"picture":"library:boy"`,
		`"id":"jean-hughes"`, `"share_contact":true`, `"picture":"data:image/jpeg;base64,`, `"who":["tomasz-kowalski"]`, `"backup":["jean-hughes"]`,
		`"disputed_by":["jean-hughes"]`, `"id":"tomasz-kowalski"`, `"picture":"library:neighbour"`, `"outcome_recorded_on":"2026-10-22"`, `"id":"priya-shah"`} {
		if !strings.Contains(s, want) {
			t.Errorf("the plan file lacks %s", want)
		}
	}
	rules := got["plan"].(map[string]any)["rules"].([]any)
	if len(rules) != 2 || rules[0].(map[string]any)["when"] != "Every school morning" {
		t.Errorf("rules in the plan file: %v", rules)
	}
	if strings.Contains(s, `"upload:`) {
		t.Error("the plan file refers to an upload it does not carry")
	}
}

// writeJPEG makes a small photo to upload.
func writeJPEG(t *testing.T, name string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 160))
	for y := 0; y < 160; y++ {
		for x := 0; x < 120; x++ {
			img.Set(x, y, color.RGBA{uint8(100 + x), uint8(60 + y/2), 140, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
