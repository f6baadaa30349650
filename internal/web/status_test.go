package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/familynetwork/safetyplan/internal/httpapi"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/render"
)

// The worker says whether a meeting took place. A review marked planned
// while it still has an outcome date is a problem shown at that field; a
// new planned meeting asks only for its type and date. Each person has a
// "never show their phone or email to" choice.
func TestMeetingStatusAndHiddenFromOnThePage(t *testing.T) {
	t.Parallel()
	p := newPage(t, 1280, 800)
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "hughes-review.json")}))
	p.waitFor("the plan to check clean", `(document.querySelector('#check-status') || {dataset: {}}).dataset.state === 'clean'`)
	p.goTo("people")
	p.waitVisible(`[data-path="people[0].contact_hidden_from"]`)
	if n := eval[int](p, `document.querySelectorAll('[data-path="people[0].contact_hidden_from"] input[type=checkbox]').length`); n < 2 {
		t.Errorf("Mum's 'never show to' offers %d people", n)
	}
	p.goTo("meetings")
	p.waitVisible("#f-meetings-1--status")
	if got := eval[string](p, `[...document.querySelector('#f-meetings-1--status').options].map((o) => o.text).join('|')`); got != "Held (the default)|Held|Planned (not held yet)|Cancelled" {
		t.Errorf("status choices: %s", got)
	}
	p.setValue("#f-meetings-1--status", "planned")
	p.waitFor("the check to find problems", `document.querySelector('#check-status').dataset.state === 'problems'`)
	p.waitFor("the outcome date, still shown, to carry the problem", `(document.querySelector('[data-path="meetings[1].outcome_recorded_on"]') || {textContent: ''}).textContent.includes('has no outcome to record')`)
}

// The page shows the out-of-hours number where it says what will print.
func TestPanelShowsTheOutOfHoursNumber(t *testing.T) {
	t.Parallel()
	cfg := httpapi.Config{Today: func() plan.Date { return plan.MustDate("2026-11-22") }, Render: render.Options{EmergencyDutyPhone: "01632 960777"}}
	p := newPageOn(t, 1280, 800, cfg, "/")
	p.waitVisible("#start-new")
	p.do(chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{abs(t, examples, "adeyemi-early-help.json")}))
	p.waitFor("the check", `(document.querySelector('#check-status') || {dataset: {}}).dataset.state === 'clean'`)
	p.waitFor("the out-of-hours line", `(document.querySelector('.pd__duty') || {textContent: ''}).textContent.includes('Out of hours: Emergency Duty Team, 01632 960777')`)
}
