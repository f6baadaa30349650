package render

import (
	"fmt"
	"github.com/familynetwork/safetyplan/internal/layout"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/fonts"
	"github.com/familynetwork/safetyplan/internal/illustration"
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// Input is a decoded, validated plan with its uploads and its Practice
// Direction report: everything a document is made from.
type Input struct {
	// Plan is the validated plan.
	Plan *plan.Plan
	// Raw is the plan's JSON as it was sent.
	Raw []byte
	// Uploads holds the files named by upload:NAME pictures, by NAME.
	Uploads map[string][]byte
	// Report is the Practice Direction check on the day of Options.Today.
	Report compliance.Report
	// Changes, when the plan is kept in the store, is what changed since
	// the last review (see Compare): the adult plan then has a section on it.
	Changes *Changes
	// Shared are the copies shared through the service, for the adult
	// plan's distribution list and the outcome form.
	Shared []Shared
	// Advice is about the child's documents' wording (a page too long for
	// a child to take in, a rule with no words for the child). It is not a
	// Practice Direction finding, so the outcome form leaves it out.
	Advice []compliance.Finding
}

// Options are the choices that apply to every document.
type Options struct {
	// Today is the day compliance is checked on; zero means today in London.
	Today plan.Date
	// Council is the author named in documents and their metadata.
	Council string
	// Marking is the protective marking on adult documents (default
	// OFFICIAL-SENSITIVE).
	Marking string
	// Wording is the documents' fixed text; nil means the embedded default.
	Wording *templates.Wording
	// EmergencyDutyPhone is the council's out-of-hours number (the
	// Emergency Duty Team): every family and network copy's "who to call"
	// ends with it, then 999 and 101. Empty leaves its line out.
	EmergencyDutyPhone string

	// laidOut, when set, is given each document's pages once laid out:
	// the golden layout tests read them.
	laidOut func([]layout.Page)
}

// Load decodes and validates a plan and checks it against the Practice
// Direction. Any problem with the input (decoding, validation, a missing or
// unreferenced upload, an unknown picture, text the fonts cannot draw) is
// returned as plan.Problems, every one at once. A late meeting is not an
// input problem: it is a finding in the report.
func Load(data []byte, uploads map[string][]byte, opt Options) (*Input, error) {
	p, err := plan.Decode(data)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	uses := map[string]string{} // picture reference -> first path using it
	var refs []string
	var texts [][2]string // path, text: for the advice on numbers in free text
	today := opt.Today
	if today.IsZero() {
		today = plan.DateOf(time.Now())
	}
	ps := p.Validate(plan.ValidateOptions{
		Today: today,
		Picture: func(path, ref string) string {
			if _, seen := uses[ref]; !seen {
				uses[ref] = path
				refs = append(refs, ref)
			}
			return checkPicture(ref, uploads, used)
		},
		Text: func(path, text string) string {
			texts = append(texts, [2]string{path, text})
			return checkText(path, text)
		},
	})
	ps = append(ps, unusedUploads(uploads, used)...)
	if len(ps) > 0 {
		return nil, ps
	}
	in := &Input{Plan: p, Raw: data, Uploads: uploads, Report: compliance.Check(p, compliance.Options{Today: today})}
	if ps := in.checkPhotos(refs, uses); len(ps) > 0 {
		return nil, ps
	}
	in.Advice = append(wordsAndPicturesAdvice(p), numbersInText(p, texts)...)
	in.Advice = append(in.Advice, callsHidden(p)...)
	in.Advice = append(in.Advice, languageAdvice(p, opt.wording())...)
	return in, nil
}

// Findings are the Practice Direction findings followed by the advice on
// the Words and Pictures wording: everything a worker should see when
// checking a plan.
func (in *Input) Findings() []compliance.Finding {
	return append(append([]compliance.Finding(nil), in.Report.Findings...), in.Advice...)
}

// checkPicture says what is wrong with a picture reference, or "".
func checkPicture(ref string, uploads map[string][]byte, used map[string]bool) string {
	scheme, name, _ := strings.Cut(ref, ":")
	switch scheme {
	case "library":
		if _, ok := illustration.Lookup(name); ok {
			return ""
		}
		msg := fmt.Sprintf("there is no picture called %q in the illustration library", name)
		if near := illustration.Nearest(name, 3); len(near) > 0 {
			msg += "; the nearest are: " + strings.Join(near, ", ")
		}
		return msg + " (GET /v1/illustrations lists them all)"
	case "upload":
		used[name] = true
		if _, ok := uploads[name]; ok {
			return ""
		}
		return fmt.Sprintf("the plan uses upload:%s but no file called %q was sent with it: send it as a multipart part with that file name", name, name)
	case "data":
		if !strings.HasPrefix(ref, "data:image/") || !strings.Contains(ref[:min(len(ref), 100)], ";base64,") {
			return "a data: picture must be a base64 image: data:image/png;base64,… or data:image/jpeg;base64,…"
		}
	}
	return ""
}

// unusedUploads reports uploads that no picture refers to, so that a file
// sent by mistake (perhaps a photo of someone else) is never silently kept.
func unusedUploads(uploads map[string][]byte, used map[string]bool) plan.Problems {
	var names []string
	for name := range uploads {
		if !used[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var ps plan.Problems
	for _, name := range names {
		ps = append(ps, plan.Problem{Path: "uploads." + name, Code: plan.CodePicture,
			Message: fmt.Sprintf("the file %q was sent but no picture in the plan uses it: refer to it as upload:%s or leave it out", name, name)})
	}
	return ps
}

// checkText names the characters in a text field that the documents'
// fonts cannot draw. Fields a child reads are checked against Andika too.
func checkText(path, text string) string {
	missing := fonts.Missing("sans", text)
	if childFacing(path) {
		for _, r := range fonts.Missing("andika", text) {
			if !slices.Contains(missing, r) {
				missing = append(missing, r)
			}
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "the documents' fonts cannot draw " + fonts.Describe(missing) +
		": the documents can draw Latin, Greek, Cyrillic, Arabic (with Urdu, Farsi and Pashto), Bengali, Gurmukhi, Devanagari and Ethiopic letters (and any a council adds with --fonts); write this field in one of those, and give the family a translation separately"
}

func childFacing(path string) bool {
	return strings.Contains(path, "child_words") || strings.HasPrefix(path, "words_and_pictures") ||
		strings.HasSuffix(path, ".known_as") || strings.HasPrefix(path, "children")
}

// UploadNames lists the distinct NAMEs of upload:NAME pictures in plan JSON,
// sorted, so that a command line can read the files before Load checks
// everything. A plan that does not decode gives none.
func UploadNames(data []byte) []string {
	p, err := plan.Decode(data)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, ref := range p.Pictures() {
		if name, ok := strings.CutPrefix(ref, "upload:"); ok {
			seen[name] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
