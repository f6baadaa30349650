package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/render"
)

func validateCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	today := fs.String("today", "", "check deadlines as on this day (YYYY-MM-DD); default today in London")
	uploads := fs.String("uploads", "", "folder holding the files named upload:NAME (default: uploads/ beside the plan)")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitInput
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "safetyplan validate: give exactly one plan file, for example: safetyplan validate plan.json")
		return exitInput
	}
	opt, err := renderOptions(*today)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan validate:", err)
		return exitInput
	}
	in, err := loadFile(pos[0], *uploads, opt)
	if err != nil {
		return reportInputError(pos[0], err, *asJSON, stdout, stderr)
	}
	errs := 0
	for _, f := range in.Report.Findings {
		if f.Severity == compliance.SeverityError {
			errs++
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(map[string]any{"valid": true, "plan_date": in.Plan.Date(), "version": in.Plan.Version(),
			"today": in.Report.Today, "deadlines": in.Report.Deadlines, "findings": in.Findings()})
	} else {
		printReport(stdout, pos[0], in)
	}
	if errs > 0 {
		return exitCompliance
	}
	return exitOK
}

func renderOptions(today string) (render.Options, error) {
	if today == "" {
		today = os.Getenv("SAFETYPLAN_TODAY")
	}
	var opt render.Options
	if today != "" {
		d, err := plan.ParseDate(today)
		if err != nil {
			return opt, fmt.Errorf("--today: %w", err)
		}
		opt.Today = d
	}
	return opt, nil
}

// loadFile reads a plan file and the uploads it names from dir (default:
// uploads/ beside the plan).
func loadFile(file, dir string, opt render.Options) (*render.Input, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if dir == "" {
		dir = filepath.Join(filepath.Dir(file), "uploads")
	}
	uploads, err := readUploads(data, dir)
	if err != nil {
		return nil, err
	}
	return render.Load(data, uploads, opt)
}

// readUploads loads every upload:NAME the plan mentions from dir. A missing
// file is left out, so that Load names it with the path that uses it.
func readUploads(data []byte, dir string) (map[string][]byte, error) {
	uploads := map[string][]byte{}
	for _, name := range render.UploadNames(data) {
		if name != filepath.Base(name) || strings.HasPrefix(name, ".") {
			continue // Load reports it: no file can be called that.
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		uploads[name] = b
	}
	return uploads, nil
}

func reportInputError(file string, err error, asJSON bool, stdout, stderr io.Writer) int {
	var ps plan.Problems
	if !errors.As(err, &ps) {
		fmt.Fprintf(stderr, "safetyplan: %v\n", err)
		return exitInput
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(map[string]any{"valid": false, "errors": ps})
		return exitInput
	}
	fmt.Fprintf(stderr, "%s: the plan has %d problem(s); nothing was checked against the Practice Direction until they are fixed:\n", file, len(ps))
	for _, p := range ps {
		path := p.Path
		if path == "" {
			path = "(the plan)"
		}
		fmt.Fprintf(stderr, "  %s: %s\n", path, p.Message)
	}
	return exitInput
}

func printReport(w io.Writer, file string, in *render.Input) {
	p := in.Plan
	fmt.Fprintf(w, "%s: %s, %s, plan of %s (version %d): valid\n\n", filepath.Base(file), p.Case.Reference, p.Case.RecordSystem, p.Date().Long(), p.Version())
	fmt.Fprintf(w, "Practice Direction deadlines, as on %s\n", in.Report.Today.Long())
	for _, d := range in.Report.Deadlines {
		tail := deadlineTail(d)
		if d.PlannedFor != nil && d.DoneOn == nil {
			tail += ", planned for " + d.PlannedFor.Long()
		}
		if d.Kind == compliance.KindFirstMeeting && d.DoneOn != nil {
			tail += fmt.Sprintf(" (week %d)", compliance.Week(p.Case.InvolvementStarted, *d.DoneOn))
		}
		fmt.Fprintf(w, "  %-8s %s: due %s%s\n", strings.ToUpper(string(d.Status)), d.Label, d.Due.Long(), tail)
	}
	for _, m := range p.Meetings {
		if m.Status == plan.StatusPlanned || m.Status == plan.StatusCancelled {
			fmt.Fprintf(w, "  %-8s %s meeting: %s\n", strings.ToUpper(string(m.Status)), plan.Label(string(m.Type)), m.Date.Long())
		}
	}
	if len(in.Findings()) == 0 {
		fmt.Fprintln(w, "\nNo findings.")
		return
	}
	fmt.Fprintln(w, "\nFindings")
	for _, f := range in.Findings() {
		fmt.Fprintf(w, "  %-7s %s\n          [%s at %s]\n", f.Severity, f.Message, f.Code, f.Path)
	}
}

func deadlineTail(d compliance.Deadline) string {
	unit := "days"
	if d.Kind == compliance.KindOutcome {
		unit = "working days"
	}
	switch {
	case d.DoneOn != nil && d.Status == compliance.StatusMet:
		return ", done " + d.DoneOn.Long()
	case d.DoneOn != nil:
		return fmt.Sprintf(", done %s (%d %s late)", d.DoneOn.Long(), d.DaysLate, unit)
	case d.Status == compliance.StatusDue:
		return fmt.Sprintf(", %d days left", d.DaysLeft)
	default:
		return fmt.Sprintf(", not done (%d %s late)", d.DaysLate, unit)
	}
}
