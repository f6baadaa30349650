package plan

import (
	"reflect"
	"strings"
)

// ids checks that every id is unique within the plan and fills the
// namespaces references resolve against.
func (v *validator) ids(p *Plan) {
	seen := map[string]string{}
	v.people, v.worries, v.goals, v.meetings = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	add := func(set map[string]bool, id, path string) {
		if id == "" {
			return
		}
		if first, dup := seen[id]; dup {
			v.ps.add(path, CodeDuplicateID, "the id %q is already used at %s: every id in a plan must be different", id, first)
			return
		}
		seen[id] = path
		set[id] = true
	}
	add(v.people, p.Case.LeadWorker.ID, "case.lead_worker.id")
	for i, c := range p.Children {
		add(v.people, c.ID, index("children", i)+".id")
	}
	for i, x := range p.People {
		add(v.people, x.ID, index("people", i)+".id")
	}
	for i, m := range p.Meetings {
		add(v.meetings, m.ID, index("meetings", i)+".id")
	}
	for i, w := range p.Assessment.Worries {
		add(v.worries, w.ID, index("assessment.worries", i)+".id")
	}
	for i, g := range p.Assessment.Goals {
		add(v.goals, g.ID, index("assessment.goals", i)+".id")
	}
	rules := map[string]bool{}
	for i, r := range p.Arrangements.Rules {
		add(rules, r.ID, index("plan.rules", i)+".id")
	}
}

// refs checks that every reference resolves, using the ref tags on fields.
func (v *validator) refs(p *Plan) {
	v.walkRefs(reflect.ValueOf(p).Elem(), "", "")
}

func (v *validator) walkRefs(val reflect.Value, path, tag string) {
	switch val.Kind() {
	case reflect.Pointer:
		if !val.IsNil() {
			v.walkRefs(val.Elem(), path, tag)
		}
	case reflect.Struct:
		t := val.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			v.walkRefs(val.Field(i), join(path, jsonName(f)), f.Tag.Get("plan"))
		}
	case reflect.Slice:
		for i := 0; i < val.Len(); i++ {
			v.walkRefs(val.Index(i), index(path, i), tag)
		}
	case reflect.String:
		r := parseRules(tag)
		if !r.ref || val.String() == "" {
			return
		}
		v.resolve(path, val.String(), r.namespace)
	}
}

func (v *validator) resolve(path, id, namespace string) {
	sets := map[string]map[string]bool{"people": v.people, "worries": v.worries, "goals": v.goals, "meetings": v.meetings}
	if sets[namespace][id] {
		return
	}
	what := map[string]string{
		"people":   "a child, a person or the lead worker",
		"worries":  "a worry in assessment.worries",
		"goals":    "a goal in assessment.goals",
		"meetings": "a meeting in meetings",
	}[namespace]
	msg := "%q does not match the id of " + what
	if near := nearestID(id, sets[namespace]); near != "" {
		msg += "; did you mean " + quote(near) + "?"
	}
	v.ps.add(path, CodeReference, msg, id)
}

func quote(s string) string { return `"` + s + `"` }

func nearestID(id string, set map[string]bool) string {
	best, bestD := "", 3
	for k := range set {
		d := Distance(strings.ToLower(id), strings.ToLower(k))
		if d < bestD || (d == bestD && k < best) {
			best, bestD = k, d
		}
	}
	return best
}

// order checks dates that cannot be in the order given.
func (v *validator) order(p *Plan) {
	start := p.Case.InvolvementStarted
	byID := map[string]Meeting{}
	for i, m := range p.Meetings {
		byID[m.ID] = m
		path := index("meetings", i)
		if !start.IsZero() && !m.Date.IsZero() && m.Date.Before(start) {
			v.ps.add(path+".date", CodeOrder, "the meeting on %s is before involvement started (%s): check both dates", m.Date.Long(), start.Long())
		}
		if m.OutcomeRecordedOn != nil && !m.Date.IsZero() && m.OutcomeRecordedOn.Before(m.Date) {
			v.ps.add(path+".outcome_recorded_on", CodeOrder, "the outcome is recorded on %s, before the meeting itself on %s: check both dates", m.OutcomeRecordedOn.Long(), m.Date.Long())
		}
	}
	for i, r := range p.Reviews {
		if m, ok := byID[r.Meeting]; ok && m.Type == MeetingInitial {
			v.ps.add(index("reviews", i)+".meeting", CodeReference, "%q is the initial meeting; a review belongs to a review meeting", r.Meeting)
		}
	}
	if rat := p.NoMeetingRationale; rat != nil && !start.IsZero() && !rat.RecordedOn.IsZero() && rat.RecordedOn.Before(start) {
		v.ps.add("no_meeting_rationale.recorded_on", CodeOrder, "the rationale is recorded on %s, before involvement started (%s)", rat.RecordedOn.Long(), start.Long())
	}
}
