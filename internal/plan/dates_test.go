package plan

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in, long string
		ok             bool
	}{
		{"ordinary", "2026-10-06", "6 October 2026", true},
		{"leap day", "2028-02-29", "29 February 2028", true},
		{"not a leap year", "2026-02-29", "", false},
		{"thirtieth of February", "2026-02-30", "", false},
		{"month 13", "2026-13-01", "", false},
		{"UK order", "06/10/2026", "", false},
		{"no padding", "2026-1-6", "", false},
		{"with time", "2026-10-06T10:00", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if tt.ok && d.Long() != tt.long {
				t.Errorf("Long() = %q, want %q", d.Long(), tt.long)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := MustDate("2026-08-17")
	if got := d.AddDays(84).String(); got != "2026-11-09" {
		t.Errorf("17 Aug + 84 days = %s, want 2026-11-09", got)
	}
	if got := d.DaysUntil(MustDate("2026-10-06")); got != 50 {
		t.Errorf("days 17 Aug to 6 Oct = %d, want 50", got)
	}
	if got := MustDate("2026-10-06").LongWeekday(); got != "Tuesday 6 October 2026" {
		t.Errorf("LongWeekday = %q", got)
	}
	// Across the clocks going back (25 October 2026) the count stays whole.
	if got := MustDate("2026-10-24").DaysUntil(MustDate("2026-10-26")); got != 2 {
		t.Errorf("days across DST = %d, want 2", got)
	}
}

func TestParseTime(t *testing.T) {
	for _, tt := range []struct {
		in, clock string
		ok        bool
	}{{"10:00", "10am", true}, {"16:30", "4:30pm", true}, {"00:05", "12:05am", true}, {"24:00", "", false}, {"9:30", "", false}, {"10:60", "", false}} {
		tm, err := ParseTime(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseTime(%q) err = %v", tt.in, err)
			continue
		}
		if tt.ok && tm.Clock() != tt.clock {
			t.Errorf("Clock(%q) = %q, want %q", tt.in, tm.Clock(), tt.clock)
		}
	}
}

func TestChildAge(t *testing.T) {
	c := Child{DateOfBirth: MustDate("2019-05-02")}
	for _, tt := range []struct {
		on  string
		age int
	}{{"2026-05-01", 6}, {"2026-05-02", 7}, {"2026-10-30", 7}} {
		if got := c.AgeOn(MustDate(tt.on)); got != tt.age {
			t.Errorf("age on %s = %d, want %d", tt.on, got, tt.age)
		}
	}
}
