package httpapi

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/internal/store"
)

// reportQuery reads ?from=&to=&team= (dates as YYYY-MM-DD, or YYYY-MM for
// a whole month).
func reportQuery(c *gin.Context) (from, to plan.Date, team string, err error) {
	parse := func(name string, end bool) (plan.Date, error) {
		raw := c.Query(name)
		if raw == "" {
			return plan.Date{}, nil
		}
		if len(raw) == 7 {
			d, err := plan.ParseDate(raw + "-01")
			if err == nil && end {
				d = plan.NewDate(d.Year(), d.Month()+1, 0)
			}
			if err == nil {
				return d, nil
			}
		}
		d, err := plan.ParseDate(raw)
		if err != nil {
			return d, inputError(plan.Problems{{Path: name, Code: plan.CodeDate, Message: name + " is a date as YYYY-MM-DD, or a month as YYYY-MM"}})
		}
		return d, nil
	}
	if from, err = parse("from", false); err != nil {
		return
	}
	if to, err = parse("to", true); err != nil {
		return
	}
	team = c.Query("team")
	if team != "" {
		ok := false
		for _, t := range plan.Team("").Values() {
			ok = ok || t == team
		}
		if !ok {
			err = inputError(plan.Problems{{Path: "team", Code: plan.CodeEnum, Message: fmt.Sprintf("team %q is not one of the teams in the plan format", short(team))}})
		}
	}
	return
}

func (s *Server) reportRows(c *gin.Context) ([]store.ReportRow, bool) {
	from, to, team, err := reportQuery(c)
	if err != nil {
		abort(c, err)
		return nil, false
	}
	rows, err := s.cfg.Store.ReportRows(c.Request.Context(), from, to, team)
	if err != nil {
		abort(c, storeError(err))
		return nil, false
	}
	return rows, true
}

// complianceReport answers the report as JSON, or as CSV with
// ?format=csv. Nothing in it identifies a child: teams, months and counts.
func (s *Server) complianceReport(c *gin.Context) {
	rows, ok := s.reportRows(c)
	if !ok {
		return
	}
	c.Header("Cache-Control", "no-store")
	switch c.Query("format") {
	case "", "json":
		if rows == nil {
			rows = []store.ReportRow{}
		}
		c.JSON(http.StatusOK, gin.H{"rows": rows})
	case "csv":
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		_ = w.Write([]string{"team", "month", "first_meetings_due", "first_meetings_within_12_weeks", "first_meetings_late", "first_meetings_overdue",
			"outcomes_due", "outcomes_within_5_working_days", "outcomes_late", "outcomes_overdue",
			"reviews_due", "reviews_within_4_weeks", "reviews_late", "reviews_overdue", "rationales_required", "rationales_recorded"})
		for _, r := range rows {
			i := strconv.Itoa
			_ = w.Write([]string{r.Team, r.Month, i(r.FirstMeetings.Due), i(r.FirstMeetings.Met), i(r.FirstMeetings.Late), i(r.FirstMeetings.Overdue),
				i(r.Outcomes.Due), i(r.Outcomes.Met), i(r.Outcomes.Late), i(r.Outcomes.Overdue),
				i(r.Reviews.Due), i(r.Reviews.Met), i(r.Reviews.Late), i(r.Reviews.Overdue), i(r.Rationales.Required), i(r.Rationales.Recorded)})
		}
		w.Flush()
		c.Header("Content-Disposition", `attachment; filename="compliance-report.csv"`)
		c.Data(http.StatusOK, "text/csv; charset=utf-8", b.Bytes())
	default:
		abort(c, inputError(plan.Problems{{Path: "format", Code: plan.CodeEnum, Message: "format is json or csv"}}))
	}
}

// reportBar is one bar of the chart: a share of deadlines met on time.
type reportBar struct {
	Label        string
	Met, Counted int
	Percent      int
	X, Y, W, H   int
	Colour       string
}

type reportGroup struct {
	Team, Month string
	Bars        []reportBar
	Rationales  string
}

var reportTemplate = template.Must(template.New("report").Parse(`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Practice Direction compliance</title>
<link rel="stylesheet" href="/share.css">
</head>
<body>
<main class="report">
<h1>Practice Direction compliance</h1>
<p class="small">For each team and month: the share of deadlines falling due that month that were met on time. Counts are of plans kept in this service; nothing here identifies a child. <a href="/v1/reports/compliance?format=csv{{.Query}}">Download as CSV</a></p>
{{if not .Groups}}<p class="message">No deadlines fall due in this period.</p>{{end}}
{{range .Groups}}
<section>
<h2>{{.Team}}, {{.Month}}</h2>
<svg viewBox="0 0 640 150" role="img" aria-label="{{range .Bars}}{{.Label}}: {{.Met}} of {{.Counted}} on time. {{end}}">
{{range .Bars}}
<text x="0" y="{{.Y}}" dy="18" font-size="15">{{.Label}}</text>
<rect x="250" y="{{.Y}}" width="300" height="26" fill="#e8eff5"></rect>
<rect x="250" y="{{.Y}}" width="{{.W}}" height="26" fill="{{.Colour}}"></rect>
<text x="560" y="{{.Y}}" dy="18" font-size="15">{{if .Counted}}{{.Percent}}% ({{.Met}}/{{.Counted}}){{else}}none due{{end}}</text>
{{end}}
</svg>
<p class="small">{{.Rationales}}</p>
</section>
{{end}}
</main>
</body>
</html>
`))

// complianceReportPage is the report as a page a manager reads at a glance.
func (s *Server) complianceReportPage(c *gin.Context) {
	rows, ok := s.reportRows(c)
	if !ok {
		return
	}
	var groups []reportGroup
	for _, r := range rows {
		g := reportGroup{Team: plan.Label(r.Team), Month: monthName(r.Month),
			Rationales: fmt.Sprintf("First meetings missed: %d; rationale recorded for %d.", r.Rationales.Required, r.Rationales.Recorded)}
		for i, t := range []struct {
			label string
			tally store.Tally
		}{{"First meeting within 12 weeks", r.FirstMeetings}, {"Outcome within 5 working days", r.Outcomes}, {"Review within 4 weeks", r.Reviews}} {
			counted := t.tally.Met + t.tally.Late + t.tally.Overdue
			b := reportBar{Label: t.label, Met: t.tally.Met, Counted: counted, Y: 10 + i*45, Colour: "#2e6b30"}
			if counted > 0 {
				b.Percent = t.tally.Met * 100 / counted
				b.W = t.tally.Met * 300 / counted
				if b.Percent < 80 {
					b.Colour = "#9b1c1c"
				}
			}
			g.Bars = append(g.Bars, b)
		}
		groups = append(groups, g)
	}
	q := ""
	for _, k := range []string{"from", "to", "team"} {
		if v := c.Query(k); v != "" {
			q += "&" + k + "=" + template.URLQueryEscaper(v)
		}
	}
	c.Header("Cache-Control", "no-store")
	c.Header("Content-Type", "text/html; charset=utf-8")
	_ = reportTemplate.Execute(c.Writer, gin.H{"Groups": groups, "Query": template.URL(q)})
}

func monthName(ym string) string {
	d, err := plan.ParseDate(ym + "-01")
	if err != nil {
		return ym
	}
	return d.Month().String() + " " + strconv.Itoa(d.Year())
}
