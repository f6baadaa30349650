package plan

import (
	"fmt"
	"time"
	_ "time/tzdata" // UK dates must not depend on the host having zone files
)

// London is the UK's time zone: "today", deadlines and the dates printed
// in documents follow its calendar.
var London = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err) // embedded by time/tzdata: cannot fail
	}
	return loc
}()

// DateOf returns the calendar date of t in the UK.
func DateOf(t time.Time) Date {
	t = t.In(London)
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Date is a calendar date (YYYY-MM-DD) with no time of day or zone. The zero
// Date means "not given".
type Date struct{ y, m, d int }

// NewDate returns the date; it normalises out-of-range days like time.Date.
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	return Date{t.Year(), int(t.Month()), t.Day()}
}

// ParseDate parses YYYY-MM-DD, rejecting impossible dates such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, for example 2026-10-06", s)
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a real date: check the day and month (YYYY-MM-DD)", s)
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		return Date{}, fmt.Errorf("%q is out of range: give a year between 1900 and 2200", s)
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

// MustDate parses a date and panics on error; for tests and tables.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.y == 0 }

// Time returns midday UTC on the date, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 12, 0, 0, 0, time.UTC) }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int { return d.y }

// Month returns the month of the date.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns the day of the month.
func (d Date) Day() int { return d.d }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return NewDate(d.y, time.Month(d.m), d.d+n) }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or 1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.y != e.y:
		return cmp(d.y, e.y)
	case d.m != e.m:
		return cmp(d.m, e.m)
	default:
		return cmp(d.d, e.d)
	}
}

func cmp(a, b int) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

// String formats the date as YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// Long formats the date the UK way: "6 October 2026".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.d, time.Month(d.m), d.y)
}

// LongWeekday formats the date with its weekday: "Tuesday 6 October 2026".
func (d Date) LongWeekday() string {
	if d.IsZero() {
		return ""
	}
	return d.Weekday().String() + " " + d.Long()
}

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Time is a time of day, HH:MM on the 24-hour clock.
type Time struct{ h, m int }

// ParseTime parses HH:MM, rejecting impossible times such as 24:00 or 9:5.
func ParseTime(s string) (Time, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return Time{}, fmt.Errorf("%q is not a time: write it as HH:MM on the 24-hour clock, for example 09:30", s)
	}
	return Time{t.Hour(), t.Minute()}, nil
}

// String formats the time as HH:MM.
func (t Time) String() string { return fmt.Sprintf("%02d:%02d", t.h, t.m) }

// Clock formats the time for a reader: "10am", "4:30pm".
func (t Time) Clock() string {
	h := t.h % 12
	if h == 0 {
		h = 12
	}
	suffix := "am"
	if t.h >= 12 {
		suffix = "pm"
	}
	if t.m == 0 {
		return fmt.Sprintf("%d%s", h, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h, t.m, suffix)
}

// MarshalText writes the time as HH:MM.
func (t Time) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText parses HH:MM.
func (t *Time) UnmarshalText(b []byte) error {
	v, err := ParseTime(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
