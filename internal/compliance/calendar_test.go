package compliance

import (
	"slices"
	"testing"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

var d = plan.MustDate

func TestEaster(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{2018, "2018-04-01"}, {2019, "2019-04-21"}, {2020, "2020-04-12"}, {2021, "2021-04-04"},
		{2022, "2022-04-17"}, {2023, "2023-04-09"}, {2024, "2024-03-31"}, {2025, "2025-04-20"},
		{2026, "2026-04-05"}, {2027, "2027-03-28"}, {2028, "2028-04-16"}, {2029, "2029-04-01"},
		{2030, "2030-04-21"}, {2031, "2031-04-13"}, {2038, "2038-04-25"}, {2008, "2008-03-23"}, {2011, "2011-04-24"},
		{1943, "1943-04-25"},
	}
	for _, tt := range tests {
		if got := Easter(tt.year); got != d(tt.want) {
			t.Errorf("Easter(%d) = %s, want %s", tt.year, got, tt.want)
		}
		if got := Easter(tt.year); got.Weekday() != time.Sunday {
			t.Errorf("Easter(%d) = %s is a %s", tt.year, got, got.Weekday())
		}
	}
}

// TestTableAgreesWithRules checks every tabled year against the regular rules:
// they must agree, date and name, except for the known moves and one-off days.
func TestTableAgreesWithRules(t *testing.T) {
	// Dates the rules give that the table moved away, and dates the table
	// adds that the rules cannot know.
	removed := map[string]bool{
		"2020-05-04": true, // early May moved to VE day, 8 May
		"2022-05-30": true, // spring bank holiday moved to 2 June
	}
	added := map[string]bool{
		"2020-05-08": true, // early May bank holiday (VE day)
		"2022-06-02": true, // spring bank holiday (moved)
		"2022-06-03": true, // Platinum Jubilee
		"2022-09-19": true, // State Funeral of Queen Elizabeth II
		"2023-05-08": true, // coronation of King Charles III
	}
	cal := EnglandAndWales()
	from, to := cal.TableYears()
	if from != 2018 || to != 2028 {
		t.Fatalf("table covers %d to %d, want 2018 to 2028", from, to)
	}
	seenRemoved, seenAdded := 0, 0
	for year := from; year <= to; year++ {
		tabled, computed := cal.Holidays(year)
		if computed {
			t.Fatalf("Holidays(%d) says computed, want tabled", year)
		}
		rules := RegularHolidays(year)
		inTable := map[plan.Date]string{}
		for _, h := range tabled {
			inTable[h.Date] = h.Name
		}
		inRules := map[plan.Date]string{}
		for _, h := range rules {
			inRules[h.Date] = h.Name
		}
		for _, h := range rules {
			name, ok := inTable[h.Date]
			switch {
			case removed[h.Date.String()]:
				seenRemoved++
				if ok {
					t.Errorf("%s (%s) should have been moved in the table", h.Date, h.Name)
				}
			case !ok:
				t.Errorf("rules give %s %s, the table does not", h.Date, h.Name)
			case name != h.Name:
				t.Errorf("%s: table names it %q, rules %q", h.Date, name, h.Name)
			}
		}
		for _, h := range tabled {
			if _, ok := inRules[h.Date]; ok {
				continue
			}
			if !added[h.Date.String()] {
				t.Errorf("table has %s %s, the rules do not and it is not a known one-off", h.Date, h.Name)
			}
			seenAdded++
		}
	}
	if seenRemoved != len(removed) || seenAdded != len(added) {
		t.Errorf("saw %d moved and %d added days, want %d and %d", seenRemoved, seenAdded, len(removed), len(added))
	}
}

func TestTableIsWellFormed(t *testing.T) {
	var prev plan.Date
	for _, h := range englandAndWalesTable {
		day := d(h.date)
		if day.Year() < tableFrom || day.Year() > tableTo {
			t.Errorf("%s is outside the table's years", h.date)
		}
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s %s falls on a %s", h.date, h.name, wd)
		}
		if !prev.IsZero() && !prev.Before(day) {
			t.Errorf("table not in date order at %s", h.date)
		}
		prev = day
	}
}

func TestRegularHolidaysSubstituteDays(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []string // dates expected among the year's holidays
		not  []string // dates that must not be holidays
	}{
		{"Christmas on Friday 2037: Boxing Day Monday 28", 2037, []string{"2037-12-25", "2037-12-28"}, []string{"2037-12-26"}},
		{"Christmas on Saturday 2032: Monday 27 and Tuesday 28", 2032, []string{"2032-12-27", "2032-12-28"}, []string{"2032-12-25", "2032-12-26"}},
		{"Christmas on Sunday 2033: Boxing Day Monday 26, Christmas Tuesday 27", 2033, []string{"2033-12-26", "2033-12-27"}, []string{"2033-12-25"}},
		{"New Year on Saturday 2033: Monday 3", 2033, []string{"2033-01-03"}, []string{"2033-01-01"}},
		{"New Year on Sunday 2034: Monday 2", 2034, []string{"2034-01-02"}, []string{"2034-01-01"}},
		{"2031: Easter 13 April, May Mondays, August", 2031, []string{"2031-01-01", "2031-04-11", "2031-04-14", "2031-05-05", "2031-05-26", "2031-08-25", "2031-12-25", "2031-12-26"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := RegularHolidays(tt.year)
			if len(hs) != 8 {
				t.Errorf("%d holidays, want 8", len(hs))
			}
			var got []string
			for _, h := range hs {
				got = append(got, h.Date.String())
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s not a holiday; got %v", w, got)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("%s should not be a holiday; got %v", n, got)
				}
			}
		})
	}
}

func TestHolidayAndWorkingDay(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		date    string
		holiday string // "" for none
		working bool
	}{
		{"2023-05-08", "Bank holiday for the coronation of King Charles III", false},
		{"2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II", false},
		{"2022-06-03", "Platinum Jubilee bank holiday", false},
		{"2020-05-08", "Early May bank holiday (VE day)", false},
		{"2020-05-04", "", true}, // the usual early May day, moved that year
		{"2026-04-03", "Good Friday", false},
		{"2026-04-06", "Easter Monday", false},
		{"2026-12-28", "Boxing Day (substitute day)", false},
		{"2027-12-27", "Christmas Day (substitute day)", false},
		{"2026-11-21", "", false}, // Saturday
		{"2026-11-22", "", false}, // Sunday
		{"2026-11-23", "", true},
		{"2031-04-14", "Easter Monday", false}, // computed
		{"2031-04-15", "", true},
	}
	for _, tt := range tests {
		name, ok := cal.Holiday(d(tt.date))
		if ok != (tt.holiday != "") || name != tt.holiday {
			t.Errorf("Holiday(%s) = %q, %v; want %q", tt.date, name, ok, tt.holiday)
		}
		if got := cal.IsWorkingDay(d(tt.date)); got != tt.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.date, got, tt.working)
		}
	}
}

func TestCovers(t *testing.T) {
	cal := EnglandAndWales()
	for y, want := range map[int]bool{2017: false, 2018: true, 2026: true, 2028: true, 2029: false, 2031: false} {
		if got := cal.Covers(y); got != want {
			t.Errorf("Covers(%d) = %v, want %v", y, got, want)
		}
	}
	if EnglandAndWales() != cal {
		t.Error("EnglandAndWales should return the shared calendar")
	}
	if cal.Name() != "England and Wales" {
		t.Errorf("Name() = %q", cal.Name())
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name     string
		from     string
		n        int
		want     string
		computed bool
	}{
		{"ordinary week, Monday to Monday", "2026-11-02", 5, "2026-11-09", false},
		{"Tuesday to Tuesday", "2026-10-06", 5, "2026-10-13", false},
		{"Friday over a weekend", "2026-10-30", 5, "2026-11-06", false},
		{"Thursday before Easter 2026", "2026-04-02", 5, "2026-04-13", false},
		{"Christmas 2026 on a Friday (25, 28 Dec and 1 Jan off)", "2026-12-23", 5, "2027-01-04", false},
		{"Christmas 2027 on a Saturday (27, 28 Dec and 3 Jan off)", "2027-12-23", 5, "2028-01-04", false},
		{"coronation day 2023", "2023-05-04", 5, "2023-05-12", false},
		{"early May 2023 and coronation", "2023-04-28", 5, "2023-05-09", false},
		{"Queen's funeral 2022", "2022-09-15", 5, "2022-09-23", false},
		{"Platinum Jubilee 2022 (2 and 3 June)", "2022-06-01", 5, "2022-06-10", false},
		{"VE day 2020 (4 May a working day)", "2020-05-01", 5, "2020-05-11", false},
		{"beyond the table: Easter 2031", "2031-04-10", 5, "2031-04-21", true},
		{"crossing into 2029 (untabled)", "2028-12-22", 5, "2029-01-03", true},
		{"meeting on a Saturday", "2026-11-07", 5, "2026-11-13", false},
		{"zero days", "2026-11-07", 0, "2026-11-07", false},
		{"backwards over Easter", "2026-04-13", -5, "2026-04-02", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, computed := cal.AddWorkingDays(d(tt.from), tt.n)
			if got != d(tt.want) || computed != tt.computed {
				t.Errorf("AddWorkingDays(%s, %d) = %s, %v; want %s, %v", tt.from, tt.n, got, computed, tt.want, tt.computed)
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		from, to string
		want     int
		computed bool
	}{
		{"2026-11-09", "2026-11-22", 9, false},
		{"2026-04-02", "2026-04-13", 5, false},
		{"2026-04-13", "2026-04-02", -5, false},
		{"2026-11-06", "2026-11-08", 0, false},
		{"2026-11-09", "2026-11-09", 0, false},
		{"2030-12-30", "2031-01-03", 3, true},
	}
	for _, tt := range tests {
		got, computed := cal.WorkingDaysBetween(d(tt.from), d(tt.to))
		if got != tt.want || computed != tt.computed {
			t.Errorf("WorkingDaysBetween(%s, %s) = %d, %v; want %d, %v", tt.from, tt.to, got, computed, tt.want, tt.computed)
		}
	}
}

func TestDeadlineHelpers(t *testing.T) {
	if got := FirstMeetingDue(d("2026-08-17")); got != d("2026-11-09") {
		t.Errorf("FirstMeetingDue = %s", got)
	}
	if got := ReviewDue(d("2026-11-02")); got != d("2026-11-30") {
		t.Errorf("ReviewDue = %s", got)
	}
	if got := OutcomeDue(nil, d("2026-04-02")); got != d("2026-04-13") {
		t.Errorf("OutcomeDue = %s", got)
	}
	weeks := []struct {
		days, completed, ordinal int
	}{{0, 0, 1}, {6, 0, 1}, {7, 1, 2}, {35, 5, 6}, {50, 7, 8}, {83, 11, 12}, {84, 12, 13}, {85, 12, 13}, {104, 14, 15}, {-1, -1, 0}, {-7, -1, 0}, {-8, -2, -1}}
	start := d("2026-01-05")
	for _, w := range weeks {
		if got := WeeksCompleted(start, start.AddDays(w.days)); got != w.completed {
			t.Errorf("WeeksCompleted(day %d) = %d, want %d", w.days, got, w.completed)
		}
		if got := Week(start, start.AddDays(w.days)); got != w.ordinal {
			t.Errorf("Week(day %d) = %d, want week %d", w.days, got, w.ordinal)
		}
	}
}
