package plan

import (
	"regexp"
	"strings"
)

// CodeFuture is the code of a date that cannot be after today (a birth, the
// start of involvement, a meeting recorded as held).
const CodeFuture = "future_date"

// CodeStatus is the code of a field that does not fit its meeting's status
// (an outcome recorded for a planned meeting, a review of a cancelled one).
const CodeStatus = "meeting_status"

// CodeEmail and CodePhone are the codes of contact details that are not an
// email address or a phone number.
const (
	CodeEmail = "email"
	CodePhone = "phone"
)

// statuses checks the fields that depend on whether a meeting was held: only
// a held meeting has an outcome, a review record or rules agreed at it.
func (v *validator) statuses(p *Plan) {
	held := map[string]bool{}
	for i, m := range p.Meetings {
		notHeld := m.Status == StatusPlanned || m.Status == StatusCancelled // an unknown status is reported once, as unknown
		held[m.ID] = !notHeld
		if notHeld && m.OutcomeRecordedOn != nil {
			v.ps.add(index("meetings", i)+".outcome_recorded_on", CodeStatus,
				"the meeting on %s is %s, so it has no outcome to record: set status to held once it has taken place, or remove outcome_recorded_on", m.Date.Long(), m.Status)
		}
	}
	for i, r := range p.Reviews {
		if h, ok := held[r.Meeting]; ok && !h {
			v.ps.add(index("reviews", i)+".meeting", CodeStatus, "%q is not a held meeting: a review record belongs to a review meeting that took place", r.Meeting)
		}
	}
	for i, r := range p.Arrangements.Rules {
		if h, ok := held[r.AgreedAt]; ok && !h {
			v.ps.add(index("plan.rules", i)+".agreed_at", CodeStatus, "%q is not a held meeting: a rule is agreed at a meeting that took place", r.AgreedAt)
		}
	}
}

// plausible checks what cannot be true on opt.Today: births, involvement and
// held meetings in the future, outcomes recorded in the future. A zero
// Today skips these checks.
func (v *validator) plausible(p *Plan) {
	today := v.opt.Today
	if today.IsZero() {
		return
	}
	future := func(path string, d Date, what, fix string) {
		if !d.IsZero() && d.After(today) {
			v.ps.add(path, CodeFuture, "%s %s is after today (%s): %s", what, d.Long(), today.Long(), fix)
		}
	}
	for i, c := range p.Children {
		future(index("children", i)+".date_of_birth", c.DateOfBirth, "the date of birth", "check the year; an unborn baby is not yet a child of the plan")
	}
	future("case.involvement_started", p.Case.InvolvementStarted, "involvement start", "give the day the service became involved")
	for i, m := range p.Meetings {
		path := index("meetings", i)
		if m.Held() {
			future(path+".date", m.Date, "this meeting is recorded as held, but its date", `check the date, or set "status": "planned"`)
		}
		if m.OutcomeRecordedOn != nil {
			future(path+".outcome_recorded_on", *m.OutcomeRecordedOn, "the outcome's recording date", "give the day it was recorded, or leave it out until it is")
		}
	}
}

var (
	emailPattern       = regexp.MustCompile(`^[^@\s<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$`)
	phoneUK            = regexp.MustCompile(`^\+44[1-9][0-9]{8,9}$`)
	phoneInternational = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	phoneNational      = regexp.MustCompile(`^0[1-9][0-9]{8,9}$`)
	phoneFreephone     = regexp.MustCompile(`^0800[0-9]{4,7}$`)
	phoneShort         = regexp.MustCompile(`^(?:999|112|101|111|116[0-9]{3})$`)
)

// ValidEmail reports whether s looks like an email address: something, @, a
// domain with a dot.
func ValidEmail(s string) bool { return emailPattern.MatchString(strings.TrimSpace(s)) }

// ValidPhone reports whether s is a UK phone number (landline, mobile,
// 0800, 999, 101, 111, 116 numbers) or an international one starting with +,
// written with any spaces, dots, hyphens or brackets.
func ValidPhone(s string) bool {
	d := strings.NewReplacer(" ", "", ".", "", "-", "", "(0)", "", "(", "", ")", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	if strings.HasPrefix(d, "0044") {
		d = "+" + d[2:]
	}
	if strings.HasPrefix(d, "+44") {
		return phoneUK.MatchString(d)
	}
	return phoneInternational.MatchString(d) || phoneNational.MatchString(d) || phoneFreephone.MatchString(d) || phoneShort.MatchString(d)
}

// contacts checks that emails are emails and phone numbers phone numbers.
func (v *validator) contacts(p *Plan) {
	check := func(path, phone, email string) {
		if strings.TrimSpace(phone) != "" && !ValidPhone(phone) {
			v.ps.add(path+".phone", CodePhone, "%q is not a phone number: write a UK number such as 01632 960123 or 07700 900123 (or 0800, 999, 101), or an international number starting with +, such as +48 601 000 000", short(phone))
		}
		if strings.TrimSpace(email) != "" && !ValidEmail(email) {
			v.ps.add(path+".email", CodeEmail, "%q is not an email address: write it as name@example.org", short(email))
		}
	}
	check("case.lead_worker", p.Case.LeadWorker.Phone, p.Case.LeadWorker.Email)
	for i, x := range p.People {
		check(index("people", i), x.Phone, x.Email)
	}
}
