package render

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/familynetwork/safetyplan/internal/compliance"
	"github.com/familynetwork/safetyplan/internal/plan"
)

// notShared replaces, in a copy for a reader who may not see it, a phone
// number that someone wrote into free text ("Ring Dad on 07700 900999 if…");
// emailNotShared does the same for an email address.
const (
	notShared      = "(number not shared)"
	emailNotShared = "(email not shared)"
)

// sep is what people write between the digits of a phone number: spaces,
// dots, hyphens and brackets.
const sep = `[\s.\-()]*`

// PhonePattern returns the regular expression (RE2 and JavaScript alike)
// matching every way a person might write the phone number: national
// (07700 900999), +44 7700 900999, +447700900999, 0044 7700 900999,
// +44 (0)7700 900999, (07700) 900-999, 07700.900.999. It is "" for a
// number too short to be worth hiding (fewer than five digits). This one
// matcher serves the PDFs, the share page and the page's child view.
func PhonePattern(phone string) string {
	digits, intl := phoneDigits(phone)
	if len(digits) < 5 {
		return ""
	}
	if intl && !strings.HasPrefix(digits, "44") {
		return `(?:\+|00)` + sep + joinDigits(digits)
	}
	nsn := digits
	switch {
	case intl:
		nsn = strings.TrimPrefix(digits[2:], "0") // +44 (0)117… is written with the 0 in brackets
	case strings.HasPrefix(digits, "0"):
		nsn = digits[1:]
	default:
		return joinDigits(digits)
	}
	return `(?:(?:\+|00)` + sep + `44` + sep + `(?:\(0\)` + sep + `)?|\(?0)` + joinDigits(nsn)
}

// phoneTail is the last five digits of a phone number, which every form
// PhonePattern matches ends with.
func phoneTail(phone string) string {
	d, _ := phoneDigits(phone)
	return d[max(0, len(d)-5):]
}

// digitsOf returns the digits in s, run together.
func digitsOf(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// phoneDigits returns a number's digits, and whether it is written in the
// international form (+ or 00), without the + or 00.
func phoneDigits(phone string) (string, bool) {
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := strings.TrimSpace(phone)
	switch {
	case strings.HasPrefix(d, "+"):
		return b.String(), true
	case strings.HasPrefix(b.String(), "00"):
		return b.String()[2:], true
	}
	return b.String(), false
}

func joinDigits(d string) string {
	return strings.Join(strings.Split(d, ""), sep)
}

// numberPattern matches any of the phone numbers, written in any of the
// forms PhonePattern knows, and not inside a longer run of digits. The
// number itself is the first group.
func numberPattern(phones []string) *regexp.Regexp {
	var alts []string
	for _, ph := range phones {
		if pat := PhonePattern(ph); pat != "" {
			alts = append(alts, pat)
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?:^|[^0-9+(])((?:` + strings.Join(alts, "|") + `))(?:$|[^0-9])`)
}

// emailPattern matches any of the email addresses, in any letter case.
func emailPattern(emails []string) *regexp.Regexp {
	var alts []string
	for _, e := range emails {
		if e = strings.TrimSpace(e); e != "" {
			alts = append(alts, regexp.QuoteMeta(e))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	return regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
}

// maskContacts returns a deep copy of p in which every string holding one
// of the phone numbers or emails has notShared (or emailNotShared) in its
// place; p itself is not changed. Without such a string it returns p.
func maskContacts(p *plan.Plan, phones, emails []string) *plan.Plan {
	re, em := numberPattern(phones), emailPattern(emails)
	if re == nil && em == nil {
		return p
	}
	hit := func(s string) bool { return (re != nil && re.MatchString(s)) || (em != nil && em.MatchString(s)) }
	found := false
	walkStrings(reflect.ValueOf(p).Elem(), func(s string) { found = found || hit(s) })
	if !found {
		return p
	}
	out := deepCopy(reflect.ValueOf(p).Elem(), func(s string) string {
		if !hit(s) {
			return s
		}
		return maskText(s, re, em)
	})
	q := out.Interface().(plan.Plan)
	return &q
}

// maskText replaces the numbers matched by re and the emails matched by em.
func maskText(s string, re, em *regexp.Regexp) string {
	if em != nil {
		s = em.ReplaceAllLiteralString(s, emailNotShared)
	}
	if re == nil {
		return s
	}
	// Matches can share a boundary character ("07700 900999,07700 900111"),
	// so replace until nothing is left.
	for i := 0; i < 10 && re.MatchString(s); i++ {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatchIndex(m)
			return m[:sub[2]] + notShared + m[sub[3]:]
		})
	}
	return s
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

// numbersInText tells the worker where free text holds the number of
// someone who does not share it: the network's and the child's copies
// will show "(number not shared)" there.
func numbersInText(p *plan.Plan, texts [][2]string) []compliance.Finding {
	var out []compliance.Finding
	var digits []string // each text's digits, run together
	for _, x := range p.People {
		if x.Phone == "" || (x.ShareContact && len(x.ContactHiddenFrom) == 0) {
			continue
		}
		re := numberPattern([]string{x.Phone})
		if re == nil {
			continue
		}
		if digits == nil {
			digits = make([]string, len(texts))
			for i, t := range texts {
				digits[i] = digitsOf(t[1])
			}
		}
		tail := phoneTail(x.Phone)
		for i, t := range texts {
			// The pattern allows only separators between the number's
			// digits, so a text that holds it holds its last digits in a
			// row once everything but digits is taken out: most texts are
			// ruled out without running the pattern.
			if strings.HasSuffix(t[0], ".phone") || !strings.Contains(digits[i], tail) || !re.MatchString(t[1]) {
				continue
			}
			out = append(out, compliance.Finding{Severity: compliance.SeverityWarning, Code: "privacy.unshared_number", Path: t[0],
				Message: fmt.Sprintf("This text holds the phone number of %s, whose number is not shared with everyone: the copies for those who may not see it show %q there instead.", x.Name, notShared)})
		}
	}
	return out
}

// callsHidden warns where a rule asks someone to phone a person whose
// contact details are hidden from them: the two are named in the same rule
// (who or backup), and the rule is about phone calls or says call, ring,
// phone or text.
func callsHidden(p *plan.Plan) []compliance.Finding {
	var out []compliance.Finding
	for i, r := range p.Arrangements.Rules {
		if !slices.Contains(r.Support, "phone_calls") && !callWords.MatchString(r.Then+" "+r.When) {
			continue
		}
		named := append(append([]string(nil), r.Who...), r.Backup...)
		for _, x := range p.People {
			if !slices.Contains(named, x.ID) {
				continue
			}
			for _, id := range named {
				if id == x.ID || !slices.Contains(x.ContactHiddenFrom, id) {
					continue
				}
				caller, _ := p.Lookup(id)
				out = append(out, compliance.Finding{Severity: compliance.SeverityWarning, Code: "privacy.call_hidden", Path: fmt.Sprintf("plan.rules[%d]", i),
					Message: fmt.Sprintf("This rule may ask %s to phone %s, but %s's contact details are hidden from %s: their copy will not show the number. Change the rule, or say who passes the message on.", caller.Name, x.Name, x.Name, caller.Name)})
			}
		}
	}
	return out
}

var callWords = regexp.MustCompile(`(?i)\b(call|calls|ring|rings|phone|phones|text|texts)\b`)
