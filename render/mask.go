package render

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// notShared replaces, in a network member's or a child's copy, a phone
// number that someone wrote into free text but whose owner does not share
// it ("Ring Dad on 07700 900999 if…").
const notShared = "(number not shared)"

// numberPattern matches a phone number's digits with any spaces, dots or
// hyphens between them, and not inside a longer run of digits.
func numberPattern(phones []string) *regexp.Regexp {
	var alts []string
	for _, ph := range phones {
		var ds []string
		for _, r := range ph {
			if r >= '0' && r <= '9' {
				ds = append(ds, string(r))
			}
		}
		if len(ds) >= 5 { // shorter is not a phone number worth hiding (or a date)
			alts = append(alts, strings.Join(ds, `[\s.\-]?`))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?:^|[^0-9])(\+?(?:` + strings.Join(alts, "|") + `))(?:$|[^0-9])`)
}

// maskNumbers returns a deep copy of p in which every string holding one
// of the phone numbers is rewritten with notShared in its place; p itself
// is not changed. Without such a number it returns p.
func maskNumbers(p *plan.Plan, phones []string) *plan.Plan {
	re := numberPattern(phones)
	if re == nil {
		return p
	}
	found := false
	walkStrings(reflect.ValueOf(p).Elem(), func(s string) { found = found || re.MatchString(s) })
	if !found {
		return p
	}
	out := deepCopy(reflect.ValueOf(p).Elem(), func(s string) string {
		if !re.MatchString(s) {
			return s
		}
		return re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatchIndex(m)
			return m[:sub[2]] + notShared + m[sub[3]:]
		})
	})
	q := out.Interface().(plan.Plan)
	return &q
}

// walkStrings calls f with every exported string in v.
func walkStrings(v reflect.Value, f func(string)) {
	switch v.Kind() {
	case reflect.String:
		f(v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(v.Field(i), f)
			}
		}
	}
}

// deepCopy copies v, rewriting every exported string with f.
func deepCopy(v reflect.Value, f func(string) string) reflect.Value {
	out := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.String:
		out.SetString(f(v.String()))
	case reflect.Pointer:
		if !v.IsNil() {
			p := reflect.New(v.Type().Elem())
			p.Elem().Set(deepCopy(v.Elem(), f))
			out.Set(p)
		}
	case reflect.Slice:
		if !v.IsNil() {
			s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			for i := range v.Len() {
				s.Index(i).Set(deepCopy(v.Index(i), f))
			}
			out.Set(s)
		}
	case reflect.Struct:
		out.Set(v) // unexported fields (dates) copy as they are
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out.Field(i).Set(deepCopy(v.Field(i), f))
			}
		}
	default:
		out.Set(v)
	}
	return out
}

// hiddenPhones are the numbers an audience must not see: of everyone who
// does not share their contact details, and with noContacts of everyone.
func hiddenPhones(p *plan.Plan, noContacts bool) []string {
	var out []string
	for _, x := range p.People {
		if x.Phone != "" && (noContacts || !x.ShareContact) {
			out = append(out, x.Phone)
		}
	}
	if noContacts && p.Case.LeadWorker.Phone != "" {
		out = append(out, p.Case.LeadWorker.Phone)
	}
	return out
}

// numbersInText tells the worker where free text holds the number of
// someone who does not share it: the network's and the child's copies
// will show "(number not shared)" there.
func numbersInText(p *plan.Plan, texts [][2]string) []compliance.Finding {
	var out []compliance.Finding
	for _, x := range p.People {
		if x.Phone == "" || x.ShareContact {
			continue
		}
		re := numberPattern([]string{x.Phone})
		if re == nil {
			continue
		}
		for _, t := range texts {
			if strings.HasSuffix(t[0], ".phone") || !re.MatchString(t[1]) {
				continue
			}
			out = append(out, compliance.Finding{Severity: compliance.SeverityWarning, Code: "privacy.unshared_number", Path: t[0],
				Message: fmt.Sprintf("This text holds the phone number of %s, who does not share their contact details: the network's and the child's copies show %q there instead.", x.Name, notShared)})
		}
	}
	return out
}
