package plan

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SchemaVersion is the only version of the contract this service reads.
const SchemaVersion = 1

// ValidateOptions lets callers add checks that need outside knowledge.
type ValidateOptions struct {
	// Picture checks a picture reference ("library:NAME", "upload:NAME" or a
	// data: URI) found at path; it returns a message when the reference cannot
	// be used, or "" when it can. Nil accepts every well-formed reference.
	Picture func(path, ref string) string
	// Text checks a text field found at path and returns a message naming
	// characters that cannot be drawn, or "". Nil accepts all text.
	Text func(path, text string) string
	// Today is the day the plan is checked on: a birth, the start of
	// involvement or a held meeting after it is an error. Zero skips the
	// checks that need today.
	Today Date
}

// Validate reports every problem with the plan at once: limits and required
// fields, unknown values, duplicate ids, references that resolve to nobody and
// dates in an impossible order. It returns nil when the plan is valid.
func (p *Plan) Validate(opt ValidateOptions) Problems {
	v := validator{opt: opt}
	v.walk(reflect.ValueOf(p).Elem(), "", "")
	if p.SchemaVersion != SchemaVersion {
		v.ps.add("schema_version", CodeVersion, "schema_version must be %d; this plan says %d", SchemaVersion, p.SchemaVersion)
	}
	v.ids(p)
	v.refs(p)
	v.order(p)
	v.statuses(p)
	v.plausible(p)
	v.contacts(p)
	if len(v.ps) == 0 {
		return nil
	}
	return v.ps
}

type validator struct {
	opt ValidateOptions
	ps  Problems
	// id sets by namespace, filled by ids().
	people, worries, goals, meetings map[string]bool
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)

type rules struct {
	required, id, ref, picture bool
	max, maxItems              int
	min, maxInt                int
	hasMin, hasMaxInt          bool
	namespace                  string
}

func parseRules(tag string) rules {
	var r rules
	for _, part := range strings.Split(tag, ",") {
		k, val, _ := strings.Cut(part, "=")
		n, _ := strconv.Atoi(val)
		switch k {
		case "required":
			r.required = true
		case "id":
			r.id = true
		case "ref":
			r.ref, r.namespace = true, "people"
		case "worryref":
			r.ref, r.namespace = true, "worries"
		case "goalref":
			r.ref, r.namespace = true, "goals"
		case "meetingref":
			r.ref, r.namespace = true, "meetings"
		case "picture":
			r.picture = true
		case "max":
			r.max = n
		case "maxitems":
			r.maxItems = n
		case "min":
			r.min, r.hasMin = n, true
		case "maxint":
			r.maxInt, r.hasMaxInt = n, true
		}
	}
	return r
}

var enumType = reflect.TypeFor[Enum]()

// walk applies the field rules in struct tags to every field.
func (v *validator) walk(val reflect.Value, path, tag string) {
	r := parseRules(tag)
	switch val.Kind() {
	case reflect.Pointer:
		if val.IsNil() {
			if r.required {
				v.ps.add(path, CodeRequired, "%s is required", lastKey(path))
			}
			return
		}
		v.walk(val.Elem(), path, tag)
	case reflect.Struct:
		if d, ok := val.Interface().(Date); ok {
			if r.required && d.IsZero() {
				v.ps.add(path, CodeRequired, "%s is required: give a date as YYYY-MM-DD", lastKey(path))
			}
			return
		}
		if _, ok := val.Interface().(Time); ok {
			return
		}
		t := val.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			v.walk(val.Field(i), join(path, jsonName(f)), f.Tag.Get("plan"))
		}
	case reflect.Slice:
		if r.required && val.Len() == 0 {
			v.ps.add(path, CodeRequired, "%s needs at least one entry", lastKey(path))
		}
		if r.maxItems > 0 && val.Len() > r.maxItems {
			v.ps.add(path, CodeTooMany, "%s has %d entries; the most a plan may have is %d", lastKey(path), val.Len(), r.maxItems)
			return
		}
		for i := 0; i < val.Len(); i++ {
			v.walk(val.Index(i), index(path, i), strings.TrimPrefix(strings.ReplaceAll(tag, "required", ""), ","))
		}
	case reflect.String:
		v.str(val, path, r)
	case reflect.Int:
		n := int(val.Int())
		if (r.hasMin && n < r.min) || (r.hasMaxInt && n > r.maxInt) {
			v.ps.add(path, CodeRange, "%d is outside the allowed range %d to %d", n, r.min, r.maxInt)
		}
	}
}

func (v *validator) str(val reflect.Value, path string, r rules) {
	s := val.String()
	if strings.TrimSpace(s) == "" {
		if r.required {
			v.ps.add(path, CodeRequired, "%s is required and must not be empty", lastKey(path))
		}
		return
	}
	if val.Type().Implements(enumType) {
		allowed := val.Interface().(Enum).Values()
		if !slices.Contains(allowed, s) {
			v.ps.add(path, CodeEnum, "%q is not one of: %s", s, strings.Join(allowed, ", "))
		}
		return
	}
	if r.id && !idPattern.MatchString(s) {
		v.ps.add(path, CodeBadID, "%q is not a usable id: use letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters", s)
	}
	if r.max > 0 && utf8.RuneCountInString(s) > r.max {
		v.ps.add(path, CodeTooLong, "%s is %d characters long; the most allowed is %d: shorten it", lastKey(path), utf8.RuneCountInString(s), r.max)
		return
	}
	if bad := controlChars(s); bad != "" {
		v.ps.add(path, CodeCharacters, "contains invisible or control characters (%s): retype or paste the text as plain text", bad)
		return
	}
	if r.picture {
		v.picture(path, s)
		return
	}
	if v.opt.Text != nil {
		if msg := v.opt.Text(path, s); msg != "" {
			v.ps.add(path, CodeCharacters, "%s", msg)
		}
	}
}

// controlChars names the control and invisible formatting characters in s
// that a document cannot show; new lines and tabs are allowed.
func controlChars(s string) string {
	var bad []string
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' {
			continue
		}
		if unicode.IsControl(r) || (unicode.Is(unicode.Cf, r) && r != '\u00ad') {
			name := fmt.Sprintf("U+%04X", r)
			if !slices.Contains(bad, name) {
				bad = append(bad, name)
			}
		}
	}
	return strings.Join(bad, ", ")
}

func (v *validator) picture(path, ref string) {
	scheme, rest, ok := strings.Cut(ref, ":")
	if !ok || rest == "" || (scheme != "library" && scheme != "upload" && scheme != "data") {
		v.ps.add(path, CodePicture, "%q is not a picture reference: use library:NAME, upload:FILENAME or a data:image/...;base64, URI", short(ref))
		return
	}
	if v.opt.Picture != nil {
		if msg := v.opt.Picture(path, ref); msg != "" {
			v.ps.add(path, CodePicture, "%s", msg)
		}
	}
}

func short(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i > 0 {
		path = path[:i]
	}
	if path == "" {
		return "this value"
	}
	return path
}
