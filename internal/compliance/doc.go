// Package compliance checks a safety plan against the council's Practice
// Direction on family/network meetings and reports its deadlines and
// findings.
//
// Check works out the four kinds of deadline the Practice Direction sets
// (first meeting within 12 weeks of involvement, the outcome of each meeting
// recorded within five working days, the first review within 4 weeks of the
// initial meeting) and lists findings for the ten rules described in the
// project's domain notes, and an eleventh on plausible dates: each finding
// has a severity, a stable code, a plain-English message with UK dates and
// the JSON path it concerns. Only held meetings count; a planned one is the
// PlannedFor date of the deadline it would meet and never meets it.
// Weeks of involvement are ordinal (Week: day 0 to 6 is week 1).
//
// Compliance findings are not input errors: a plan with a missed deadline is
// still a valid plan and still gets its documents. Validation of the input
// (bad dates, unknown references) belongs to package plan.
//
// Working days skip weekends and England and Wales bank holidays. Calendar
// holds a dated table of the holidays published on GOV.UK for 2018 to 2028,
// including one-off days, and computes the regular holidays (Easter by the
// Gregorian computus, substitute days) for years outside the table; when a
// computed year is used, Check says so in a warning.
package compliance
