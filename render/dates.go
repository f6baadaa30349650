package render

import (
	"github.com/familynetwork/safetyplan/internal/plan"
	"github.com/familynetwork/safetyplan/templates"
)

// longDate writes d the long way in the wording's language ("6 October
// 2026", "6 Hydref 2026"); "" for no date.
func longDate(w *templates.Wording, d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return w.Date(d.Time(), false)
}

// longWeekday is longDate with the weekday first ("Tuesday 6 October 2026").
func longWeekday(w *templates.Wording, d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return w.Date(d.Time(), true)
}
