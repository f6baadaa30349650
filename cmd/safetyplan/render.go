package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/familynetwork/safetyplan/internal/plan"

	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/render"
	"github.com/familynetwork/safetyplan/templates"
)

// renderCmd writes every document for a plan into a folder.
func renderCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("render", stderr)
	out := fs.String("o", ".", "folder to write the documents to")
	uploads := fs.String("uploads", "", "folder holding the files named upload:NAME (default: uploads/ beside the plan)")
	today := fs.String("today", "", "check deadlines as on this day (YYYY-MM-DD)")
	tmpl := fs.String("templates", os.Getenv("SAFETYPLAN_TEMPLATES"), "folder of wording overrides (env SAFETYPLAN_TEMPLATES)")
	fontDir := fs.String("fonts", os.Getenv("SAFETYPLAN_FONTS"), "folder of extra TrueType fonts for scripts not shipped, such as Chinese or Tamil (env SAFETYPLAN_FONTS)")
	council := fs.String("council", os.Getenv("SAFETYPLAN_COUNCIL"), "council name shown as the documents' author (env SAFETYPLAN_COUNCIL)")
	marking := fs.String("marking", os.Getenv("SAFETYPLAN_MARKING"), "protective marking (env SAFETYPLAN_MARKING; default OFFICIAL-SENSITIVE)")
	duty := fs.String("emergency-duty-phone", os.Getenv("SAFETYPLAN_EMERGENCY_DUTY_PHONE"), "the council's out-of-hours (Emergency Duty Team) number, printed in every family and network copy (env SAFETYPLAN_EMERGENCY_DUTY_PHONE)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitInput
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "safetyplan render: give exactly one plan file, for example: safetyplan render plan.json -o out/")
		return exitInput
	}
	opt, err := renderOptions(*today)
	if err == nil && *fontDir != "" {
		err = fonts.AddDirectory(*fontDir)
	}
	if err == nil {
		opt.Council, opt.Marking = *council, *marking
		opt.EmergencyDutyPhone, err = dutyPhone(*duty)
	}
	if err == nil {
		opt.Wording, err = templates.Load(*tmpl)
	}
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan render:", err)
		return exitInput
	}
	in, err := loadFile(pos[0], *uploads, opt)
	if err != nil {
		return reportInputError(pos[0], err, false, stdout, stderr)
	}
	docs, err := render.All(in, opt)
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan render:", err)
		return exitInput
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "safetyplan render:", err)
		return exitInput
	}
	for _, d := range docs {
		path := filepath.Join(*out, d.Name)
		if err := os.WriteFile(path, d.Data, 0o644); err != nil {
			fmt.Fprintln(stderr, "safetyplan render:", err)
			return exitInput
		}
		fmt.Fprintln(stdout, path)
	}
	// Advice on the child's book: it printed, but the worker may want to
	// shorten a page or add a picture.
	for _, a := range in.Advice {
		fmt.Fprintf(stderr, "note: %s: %s\n", a.Path, a.Message)
	}
	return exitOK
}

// extractCmd writes the plan and uploads carried by a worker's PDF.
func extractCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", stderr)
	out := fs.String("o", ".", "folder to write plan.json and uploads/ to")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitInput
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "safetyplan extract: give exactly one PDF, for example: safetyplan extract plan.pdf -o next-review/")
		return exitInput
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "safetyplan extract:", err)
		return exitInput
	}
	planJSON, uploads, err := render.Extract(data)
	if err != nil {
		fmt.Fprintf(stderr, "safetyplan extract: %s: %v\n", pos[0], err)
		return exitInput
	}
	if err := os.MkdirAll(filepath.Join(*out, "uploads"), 0o755); err != nil {
		fmt.Fprintln(stderr, "safetyplan extract:", err)
		return exitInput
	}
	files := map[string][]byte{"plan.json": planJSON}
	for n, b := range uploads {
		files[filepath.Join("uploads", filepath.Base(n))] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			fmt.Fprintln(stderr, "safetyplan extract:", err)
			return exitInput
		}
	}
	fmt.Fprintf(stdout, "wrote %s and %d upload(s)\n", filepath.Join(*out, "plan.json"), len(uploads))
	return exitOK
}

// dutyPhone checks the out-of-hours number given by flag or environment.
func dutyPhone(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s != "" && !plan.ValidPhone(s) {
		return "", fmt.Errorf("--emergency-duty-phone (SAFETYPLAN_EMERGENCY_DUTY_PHONE) %q is not a phone number: give the Emergency Duty Team's number, such as 0117 922 2000", s)
	}
	return s, nil
}
