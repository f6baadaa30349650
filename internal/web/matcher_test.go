package web_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/familynetwork/safetyplan/render"
)

// The child view on screen and the printed book hide a number by the same
// rules: the page's phonePattern is render.PhonePattern, character for
// character, and its redact hides every written form.
func TestChildViewUsesTheSameNumberMatcher(t *testing.T) {
	p := newPage(t, 1280, 800)
	numbers := []string{"07700 900999", "+44 117 903 5555", "0044 7700 900111", "+420 601 000 000", "0117 922 4000", "999", "01632 960777"}
	js, _ := json.Marshal(numbers)
	got := eval[[]string](p, fmt.Sprintf(`import('/static/js/child.js').then((m) => %s.map(m.phonePattern))`, js))
	for i, n := range numbers {
		if want := render.PhonePattern(n); got[i] != want {
			t.Errorf("%q: the page's pattern\n  %s\nthe documents'\n  %s", n, got[i], want)
		}
	}
	forms := []string{"+44 7700 900999", "+447700900999", "0044 7700 900999", "(07700) 900-999", "07700.900.999", "+44 (0)7700 900999"}
	fj, _ := json.Marshal(forms)
	shown := eval[[]string](p, fmt.Sprintf(`import('/static/js/child.js').then((m) => %s.map((f) => m.redact('Ring Dad on ' + f + '.', [{kind: 'phone', value: '07700 900999'}])))`, fj))
	for i, f := range forms {
		if shown[i] != "Ring Dad on (number not shared)." {
			t.Errorf("%q shows as %q on the child's screen", f, shown[i])
		}
	}
}
