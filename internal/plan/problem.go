package plan

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a plan's input, with the JSON path it
// concerns (for example "meetings[1].attendees[3]") and a stable code.
type Problem struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Problem codes. They are stable: clients may switch on them.
const (
	CodeSyntax      = "syntax"
	CodeEncoding    = "encoding"
	CodeUnknownKey  = "unknown_key"
	CodeDuplicate   = "duplicate_key"
	CodeType        = "type"
	CodeRequired    = "required"
	CodeTooLong     = "too_long"
	CodeTooMany     = "too_many"
	CodeRange       = "out_of_range"
	CodeDate        = "date"
	CodeTime        = "time"
	CodeEnum        = "unknown_value"
	CodeDuplicateID = "duplicate_id"
	CodeBadID       = "bad_id"
	CodeReference   = "unknown_reference"
	CodeOrder       = "date_order"
	CodeVersion     = "schema_version"
	CodePicture     = "picture"
	CodeCharacters  = "characters"
	CodeTooDeep     = "too_deep"
	CodeTrailing    = "trailing_data"
)

// Problems is every problem found in one plan. It is an error.
type Problems []Problem

// Error lists the problems, one per line.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s", displayPath(p.Path), p.Message)
	}
	return b.String()
}

func displayPath(p string) string {
	if p == "" {
		return "(the plan)"
	}
	return p
}

// MaxProblems is the most problems reported for one plan: past it, one
// last problem says there are more. A plan pasted into the wrong place can
// have thousands, and a list that long helps nobody.
const MaxProblems = 100

// CodeMore is the code of the last problem when there were too many.
const CodeMore = "more_problems"

func (ps *Problems) add(path, code, format string, args ...any) {
	switch n := len(*ps); {
	case n < MaxProblems:
		*ps = append(*ps, Problem{Path: path, Code: code, Message: fmt.Sprintf(format, args...)})
	case n == MaxProblems:
		*ps = append(*ps, Problem{Path: "", Code: CodeMore, Message: fmt.Sprintf("there are more than %d problems: fix these first, then send the plan again", MaxProblems)})
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }
