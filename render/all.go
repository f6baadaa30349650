package render

import "fmt"

// File is one rendered document and its file name.
type File struct {
	Name string
	Data []byte
}

// All renders every document for the plan: the worker's adult plan, and one
// outcome form per meeting (or the rationale record when none was held).
func All(in *Input, opt Options) ([]File, error) {
	p := in.Plan
	base := FileBase(p.Case.Reference)
	date := p.Date().String()
	var out []File
	adult, err := AdultPlan(in, opt, AdultOptions{Audience: Worker})
	if err != nil {
		return nil, err
	}
	out = append(out, File{fmt.Sprintf("%s_safety-plan_%s.pdf", base, date), adult})
	if len(p.Meetings) == 0 {
		b, err := OutcomeForm(in, opt, "")
		if err != nil {
			return nil, err
		}
		out = append(out, File{fmt.Sprintf("%s_no-meeting-rationale_%s.pdf", base, date), b})
	}
	for _, m := range p.MeetingsByDate() {
		b, err := OutcomeForm(in, opt, m.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, File{fmt.Sprintf("%s_meeting-outcome_%s.pdf", base, m.Date), b})
	}
	return out, nil
}

// FileBase makes a case reference or id safe in a file name: anything but
// ASCII letters, digits, "-" and "_" becomes "-".
func FileBase(ref string) string {
	b := []byte(ref)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '-'
		}
	}
	return string(b)
}
