package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const examplesDir = "../../../shared/examples"

func loadExample(t *testing.T, name string) *Plan {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Decode(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func TestExamplesAreValid(t *testing.T) {
	tests := []struct {
		file    string
		date    string
		version int
	}{
		{"hughes-review.json", "2026-10-30", 2},
		{"adeyemi-early-help.json", "2026-11-02", 1},
		{"pritchard-in-care.json", "2026-06-12", 3},
		{"novak-no-meeting.json", "2026-10-30", 1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := loadExample(t, tt.file)
			if ps := p.Validate(ValidateOptions{}); ps != nil {
				t.Fatalf("example should be valid, got:\n%v", ps)
			}
			if got := p.Date().String(); got != tt.date {
				t.Errorf("plan date = %s, want %s", got, tt.date)
			}
			if got := p.Version(); got != tt.version {
				t.Errorf("plan version = %d, want %d", got, tt.version)
			}
		})
	}
}

// invalidCases maps each file in testdata/invalid to the first problem it
// must produce: its path, code and a fragment of its message.
var invalidCases = []struct {
	name, path, code, message string
}{
	{"bad-id", "people[0].id", CodeBadID, `"has space" is not a usable id`},
	{"bad-picture", "children[0].picture", CodePicture, "use library:NAME, upload:FILENAME"},
	{"control-character", "plan.rules[0].then", CodeCharacters, "U+0007"},
	{"date-format", "case.involvement_started", CodeDate, "write it as YYYY-MM-DD"},
	{"deep-nesting", "case[0]", CodeTooDeep, "nests more than 32 levels"},
	{"duplicate-id", "people[1].id", CodeDuplicateID, `"mum" is already used at people[0].id`},
	{"duplicate-id-across", "assessment.worries[0].id", CodeDuplicateID, `"ella" is already used at children[0].id`},
	{"duplicate-key", "schema_version", CodeDuplicate, "appears more than once"},
	{"empty-name", "people[1].name", CodeRequired, "name is required"},
	{"fractional-int", "assessment.safety_scale.ratings[0].score", CodeType, "expected a whole number, got 4.5"},
	{"impossible-date", "meetings[0].date", CodeDate, `"2026-02-30" is not a real date`},
	{"impossible-time", "meetings[0].start_time", CodeTime, `"25:00" is not a time`},
	{"invalid-utf8", "", CodeEncoding, "not valid UTF-8"},
	{"meeting-before-involvement", "meetings[0].date", CodeOrder, "before involvement started"},
	{"missing-dob", "children[0].date_of_birth", CodeRequired, "date_of_birth is required"},
	{"missing-reference", "case.reference", CodeRequired, "reference is required"},
	{"no-children", "children", CodeRequired, "at least one"},
	{"not-an-object", "", CodeType, "expected an object, got a list"},
	{"outcome-before-meeting", "meetings[0].outcome_recorded_on", CodeOrder, "before the meeting itself"},
	{"review-of-initial", "reviews[0].meeting", CodeReference, "is the initial meeting"},
	{"score-negative", "assessment.safety_scale.ratings[0].score", CodeRange, "-1 is outside the allowed range 0 to 10"},
	{"score-too-high", "assessment.safety_scale.ratings[0].score", CodeRange, "11 is outside the allowed range 0 to 10"},
	{"syntax-error", "words_and_pictures.explanation.pages[0].picture", CodeSyntax, "ends too soon"},
	{"time-format", "meetings[0].start_time", CodeTime, `"9:5" is not a time`},
	{"too-long-when", "plan.rules[0].when", CodeTooLong, "1001 characters long; the most allowed is 1000"},
	{"trailing-data", "", CodeTrailing, "more data after the plan"},
	{"unknown-apology", "meetings[0].apologies[0]", CodeReference, `"nobody" does not match`},
	{"unknown-attendee", "meetings[0].attendees[2]", CodeReference, `"uncle" does not match`},
	{"unknown-backup", "plan.rules[0].backup[0]", CodeReference, `"dad" does not match`},
	{"unknown-co-created", "words_and_pictures.explanation.co_created_with[0]", CodeReference, `"dad" does not match`},
	{"unknown-facilitator", "meetings[1].facilitator", CodeReference, `did you mean "sam"?`},
	{"unknown-goal", "plan.rules[0].goal", CodeReference, "a goal in assessment.goals"},
	{"unknown-handover", "handover.facilitator", CodeReference, `"ghost" does not match`},
	{"unknown-key", "case.refrence", CodeUnknownKey, `did you mean "reference"?`},
	{"unknown-key-nested", "plan.rules[0].whoo", CodeUnknownKey, `did you mean "who"?`},
	{"unknown-manager-role", "case.manager.role", CodeEnum, `"boss" is not one of`},
	{"unknown-method", "plan.monitoring[0].method", CodeEnum, `"email" is not one of: diary`},
	{"unknown-monitoring-by", "plan.monitoring[0].by[0]", CodeReference, `"zed" does not match`},
	{"unknown-rating-by", "assessment.safety_scale.ratings[0].by", CodeReference, `"x1" does not match`},
	{"unknown-record-system", "case.record_system", CodeEnum, "LCS, EHM"},
	{"unknown-review-meeting", "reviews[0].meeting", CodeReference, "a meeting in meetings"},
	{"unknown-support", "plan.rules[0].support[0]", CodeEnum, `"cooking" is not one of`},
	{"unknown-team", "case.team", CodeEnum, `"north" is not one of`},
	{"unknown-who", "plan.rules[0].who[0]", CodeReference, `did you mean "gran"?`},
	{"unknown-worry", "plan.rules[0].worry", CodeReference, "a worry in assessment.worries"},
	{"wrong-schema-version", "schema_version", CodeVersion, "must be 1"},
	{"wrong-type-bool", "people[0].share_contact", CodeType, "expected true or false, got text"},
	{"wrong-type-int", "meetings[0].duration_minutes", CodeType, "expected a whole number, got text"},
	{"wrong-type-list", "meetings[0].attendees", CodeType, "expected a list, got text"},
	{"wrong-type-string", "case.reference", CodeType, "expected text, got a number"},
	{"zero-width", "people[0].known_as", CodeCharacters, "U+200B"},
}

// problemsOf decodes and validates, returning every problem found.
func problemsOf(b []byte) Problems {
	p, err := Decode(b)
	if err != nil {
		return err.(Problems)
	}
	return p.Validate(ValidateOptions{})
}

func TestInvalidPlans(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.json")
	if len(files) != len(invalidCases) {
		t.Errorf("%d files in testdata/invalid but %d cases in the table: keep them in step", len(files), len(invalidCases))
	}
	for _, tt := range invalidCases {
		t.Run(tt.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata/invalid", tt.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			ps := problemsOf(b)
			if len(ps) == 0 {
				t.Fatal("no problem reported")
			}
			got := ps[0]
			if !strings.HasPrefix(got.Path, tt.path) || got.Code != tt.code || !strings.Contains(got.Message, tt.message) {
				t.Errorf("first problem = %s %s %q\nwant %s %s containing %q", got.Path, got.Code, got.Message, tt.path, tt.code, tt.message)
			}
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	b, _ := os.ReadFile("testdata/minimal.json")
	p, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	p.Arrangements.Rules[0].Who = []string{"nobody"}
	p.Meetings[0].Attendees = append(p.Meetings[0].Attendees, "ghost")
	p.Assessment.SafetyScale.Ratings[0].Score = 12
	p.Case.Team = "west"
	ps := p.Validate(ValidateOptions{})
	paths := map[string]bool{}
	for _, x := range ps {
		paths[x.Path] = true
	}
	for _, want := range []string{"plan.rules[0].who[0]", "meetings[0].attendees[3]", "assessment.safety_scale.ratings[0].score", "case.team"} {
		if !paths[want] {
			t.Errorf("no problem at %s; got %v", want, ps)
		}
	}
}

func TestDecodeReportsEveryDecodingProblem(t *testing.T) {
	b := []byte(`{"schema_version": "1", "case": {"refrence": "x", "involvement_started": "2026-13-01"}, "children": {}}`)
	_, err := Decode(b)
	ps, _ := err.(Problems)
	want := []string{"schema_version", "case.refrence", "case.involvement_started", "children"}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if ps[i].Path != w {
			t.Errorf("problem %d at %q, want %q", i, ps[i].Path, w)
		}
	}
}

func TestValidateOptionsHooks(t *testing.T) {
	b, _ := os.ReadFile("testdata/minimal.json")
	p, _ := Decode(b)
	ps := p.Validate(ValidateOptions{
		Picture: func(path, ref string) string {
			if ref == "library:phone" {
				return "no picture called phone"
			}
			return ""
		},
		Text: func(path, text string) string {
			if strings.Contains(text, "Granny Rose phones") {
				return "cannot draw it"
			}
			return ""
		},
	})
	if len(ps) != 2 || ps[0].Path != "plan.rules[0].then" || ps[1].Path != "plan.rules[0].picture" {
		t.Fatalf("hooks not applied where expected: %v", ps)
	}
}

// Invalid UTF-8 is named by the field it is in, so a worker can find it.
func TestInvalidUTF8NamesTheField(t *testing.T) {
	tests := []struct {
		name, json, path string
	}{
		{"in a value", `{"people": [{"id": "a", "name": "Le` + "\xff\xfe" + `anne"}]}`, "people[0].name"},
		{"in a key", `{"case": {"refer` + "\xc3" + `ence": "x"}}`, "case.refer?ence"},
		{"outside any string", "\xef{}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.json))
			ps, ok := err.(Problems)
			if !ok || len(ps) != 1 || ps[0].Code != CodeEncoding || ps[0].Path != tt.path {
				t.Errorf("got %v, want one encoding problem at %q", err, tt.path)
			}
		})
	}
}

func TestTooManyProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	for i := range 5000 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d": 1`, i)
	}
	b.WriteString("}")
	_, err := Decode([]byte(b.String()))
	ps, _ := err.(Problems)
	if len(ps) != MaxProblems+1 || ps[MaxProblems].Code != CodeMore || ps[0].Path != "k0" {
		t.Errorf("got %d problems, the last %+v; want %d and a last one saying there are more", len(ps), ps[len(ps)-1], MaxProblems+1)
	}
}
