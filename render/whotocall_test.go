package render

import (
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/pdftest"
)

// TestWhoToCallEndsWithOutOfHoursThen999And101: every family and network
// copy; not the worker's (the case file).
func TestWhoToCallEndsWithOutOfHoursThen999And101(t *testing.T) {
	in := loadExample(t, "hughes-review")
	opt := testOpt
	opt.EmergencyDutyPhone = "01632 960777"
	tests := []struct {
		name string
		ao   AdultOptions
		want bool
	}{
		{"network copy", AdultOptions{Audience: Network}, true},
		{"Mum's own copy", AdultOptions{For: "leanne"}, true},
		{"Nana's own copy", AdultOptions{For: "nana"}, true},
		{"worker's copy", AdultOptions{Audience: Worker}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := AdultPlan(in, opt, tt.ao)
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(pdftest.Text(t, pdf)), " ")
			i := strings.Index(flat, "Emergency Duty Team, out of hours 01632 960777")
			if (i >= 0) != tt.want {
				t.Fatalf("out-of-hours line present = %v, want %v", i >= 0, tt.want)
			}
			if !tt.want {
				return
			}
			j := strings.Index(flat[i:], "Emergency 999")
			k := strings.Index(flat[i:], "Police, not an emergency 101")
			if j < 0 || k < j {
				t.Errorf("after the out-of-hours number want 999 then 101; got 999 at %d, 101 at %d", j, k)
			}
		})
	}
}
