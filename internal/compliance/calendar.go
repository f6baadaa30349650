package compliance

import (
	"sync"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Calendar says which days are working days: Monday to Friday, except bank
// holidays. Holidays come from a dated table for the years it covers and are
// computed from the regular rules for any other year. A Calendar is
// read-only once built and safe for concurrent use. The zero Calendar has no
// table and computes every year.
type Calendar struct {
	name     string
	from, to int                  // years covered by the table, inclusive
	table    map[plan.Date]string // tabled holidays and their names
}

var englandAndWales = sync.OnceValue(func() *Calendar {
	c := &Calendar{
		name:  "England and Wales",
		from:  tableFrom,
		to:    tableTo,
		table: make(map[plan.Date]string, len(englandAndWalesTable)),
	}
	for _, h := range englandAndWalesTable {
		c.table[plan.MustDate(h.date)] = h.name
	}
	return c
})

// EnglandAndWales returns the working-day calendar for England and Wales:
// the GOV.UK bank holidays for 2018 to 2028 (including one-off days such as
// 2022-09-19 and 2023-05-08), and computed regular holidays for other
// years. Every call returns the same shared, read-only Calendar.
func EnglandAndWales() *Calendar { return englandAndWales() }

// Name returns the calendar's name, for example "England and Wales".
func (c *Calendar) Name() string { return c.name }

// Covers reports whether the year's holidays come from the published table
// rather than being computed from the regular rules.
func (c *Calendar) Covers(year int) bool {
	return c.table != nil && year >= c.from && year <= c.to
}

// TableYears returns the first and last year the published table covers.
func (c *Calendar) TableYears() (from, to int) { return c.from, c.to }

// Holiday returns the name of the bank holiday on d, if d is one. Weekends
// are not holidays in themselves; substitute days are named, for example
// "Boxing Day (substitute day)".
func (c *Calendar) Holiday(d plan.Date) (name string, ok bool) {
	if d.IsZero() {
		return "", false
	}
	if c.Covers(d.Year()) {
		name, ok = c.table[d]
		return name, ok
	}
	for _, h := range RegularHolidays(d.Year()) {
		if h.Date == d {
			return h.Name, true
		}
	}
	return "", false
}

// IsWorkingDay reports whether d is a working day: not a Saturday or Sunday
// and not a bank holiday.
func (c *Calendar) IsWorkingDay(d plan.Date) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	_, hol := c.Holiday(d)
	return !hol
}

// AddWorkingDays returns the date n working days after d (before d when n is
// negative); d itself is not counted, so five working days after Monday 2
// November 2026 is Monday 9 November 2026. When n is 0 it returns d. The
// bool reports whether any day stepped over lies in a year whose holidays
// were computed rather than taken from the table.
func (c *Calendar) AddWorkingDays(d plan.Date, n int) (plan.Date, bool) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	computed := false
	for n > 0 {
		d = d.AddDays(step)
		if !c.Covers(d.Year()) {
			computed = true
		}
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d, computed
}

// WorkingDaysBetween counts the working days after from up to and including
// to; it is negative when to is before from (counting the working days after
// to up to and including from). The bool reports whether any day counted lies
// in a year whose holidays were computed.
func (c *Calendar) WorkingDaysBetween(from, to plan.Date) (int, bool) {
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	n, computed := 0, false
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if !c.Covers(d.Year()) {
			computed = true
		}
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return sign * n, computed
}

// HolidayDate is one bank holiday: its date and its name.
type HolidayDate struct {
	Date plan.Date `json:"date"`
	Name string    `json:"name"`
}

// Holidays lists the year's bank holidays in date order: from the table when
// the year is covered, otherwise computed by RegularHolidays. The bool
// reports whether they were computed.
func (c *Calendar) Holidays(year int) ([]HolidayDate, bool) {
	if !c.Covers(year) {
		return RegularHolidays(year), true
	}
	var out []HolidayDate
	for d := plan.NewDate(year, time.January, 1); d.Year() == year; d = d.AddDays(1) {
		if name, ok := c.table[d]; ok {
			out = append(out, HolidayDate{d, name})
		}
	}
	return out, false
}

// Easter returns Easter Sunday of the year in the Gregorian calendar, by the
// anonymous Gregorian computus (Meeus/Jones/Butcher).
func Easter(year int) plan.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return plan.NewDate(year, time.Month(month), day)
}

// RegularHolidays computes the year's regular England and Wales bank
// holidays, in date order: New Year's Day, Good Friday, Easter Monday, the
// early May bank holiday (first Monday of May), the spring bank holiday
// (last Monday of May), the summer bank holiday (last Monday of August),
// Christmas Day and Boxing Day, with substitute days when they fall at a
// weekend. It knows nothing of one-off holidays or moved days; those are
// only in the table.
func RegularHolidays(year int) []HolidayDate {
	var out []HolidayDate
	add := func(d plan.Date, name string) { out = append(out, HolidayDate{d, name}) }

	newYear := plan.NewDate(year, time.January, 1)
	switch newYear.Weekday() {
	case time.Saturday:
		add(newYear.AddDays(2), "New Year's Day (substitute day)")
	case time.Sunday:
		add(newYear.AddDays(1), "New Year's Day (substitute day)")
	default:
		add(newYear, "New Year's Day")
	}
	easter := Easter(year)
	add(easter.AddDays(-2), "Good Friday")
	add(easter.AddDays(1), "Easter Monday")
	add(firstMonday(year, time.May), "Early May bank holiday")
	add(lastMonday(year, time.May), "Spring bank holiday")
	add(lastMonday(year, time.August), "Summer bank holiday")

	christmas := plan.NewDate(year, time.December, 25)
	boxing := christmas.AddDays(1)
	switch christmas.Weekday() {
	case time.Friday: // Boxing Day on Saturday: Monday 28th
		add(christmas, "Christmas Day")
		add(boxing.AddDays(2), "Boxing Day (substitute day)")
	case time.Saturday: // Monday 27th and Tuesday 28th
		add(christmas.AddDays(2), "Christmas Day (substitute day)")
		add(christmas.AddDays(3), "Boxing Day (substitute day)")
	case time.Sunday: // Boxing Day Monday 26th, Christmas Tuesday 27th
		add(boxing, "Boxing Day")
		add(christmas.AddDays(2), "Christmas Day (substitute day)")
	default:
		add(christmas, "Christmas Day")
		add(boxing, "Boxing Day")
	}
	return out
}

func firstMonday(year int, month time.Month) plan.Date {
	d := plan.NewDate(year, month, 1)
	return d.AddDays((int(time.Monday) - int(d.Weekday()) + 7) % 7)
}

func lastMonday(year int, month time.Month) plan.Date {
	d := plan.NewDate(year, month+1, 0) // last day of month
	return d.AddDays(-((int(d.Weekday()) - int(time.Monday) + 7) % 7))
}
