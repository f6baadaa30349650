package render

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// loadTestPlan loads a plan from testdata/plans.
func loadTestPlan(t testing.TB, name string) *Input {
	t.Helper()
	data, err := os.ReadFile("testdata/plans/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load(data, nil, testOpt)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

// bookPages is the pictures of each page of a child's book.
func bookPages(t *testing.T, in *Input, wo WordsOptions) [][]string {
	t.Helper()
	var pics [][]string
	opt := testOpt
	opt.laidOut = func(pages []layout.Page) {
		for _, p := range pages {
			var refs []string
			for _, it := range p.Items {
				if pic, ok := it.(layout.Picture); ok {
					refs = append(refs, pic.Ref)
				}
			}
			pics = append(pics, refs)
		}
	}
	if _, err := WordsAndPictures(in, opt, wo); err != nil {
		t.Fatal(err)
	}
	return pics
}

// The book draws this family as the plan says they look: one portrait
// per person, the same wherever they appear; scenes from their portraits;
// a feeling shown on the person the page is about; the worker drawn, not
// a letter.
func TestBookDrawsTheFamilyAsTheyLook(t *testing.T) {
	in := loadTestPlan(t, "hughes-appearance")
	p := in.Plan
	pages := bookPages(t, in, WordsOptions{})
	all := slices.Concat(pages...)
	look := func(id, expr string) string { return "library:" + lookOf(p, id, expr).Name() }
	words := func(id string) string { return strings.TrimPrefix(lookOf(p, id, "").Name(), "person-") }

	people := pages[slices.IndexFunc(pages, func(refs []string) bool { return slices.Contains(refs, look("nana", "")) })]
	for _, id := range []string{"leanne", "nana", "sian", "tomasz", "zoe", "ahmed", "priya"} {
		if !slices.Contains(people, look(id, "")) {
			t.Errorf("the people who help page has no portrait of %s", id)
		}
	}
	if !slices.Contains(all, look("kayden", "")) || !slices.Contains(all, look("mia", "")) {
		t.Error("the cover does not show the children's own portraits")
	}
	if !slices.Contains(all, look("leanne", "sad")) {
		t.Error(`"Mum feels so poorly and sad" is not shown with Mum's own sad portrait`)
	}
	if slices.Contains(all, "library:social-worker") || !slices.Contains(all, look("priya", "")) {
		t.Error("the social worker's page does not show Priya's own portrait")
	}
	var hug, family bool
	for _, ref := range all {
		if strings.HasPrefix(ref, "library:scene-hug-") {
			hug = true
			if !strings.Contains(ref, words("kayden")) {
				t.Errorf("the hug is not of Kayden: %s", ref)
			}
		}
		if strings.HasPrefix(ref, "library:scene-family-") {
			family = true
			for _, id := range []string{"kayden", "mia", "leanne"} {
				if !strings.Contains(ref, words(id)) {
					t.Errorf("the family scene leaves out %s", id)
				}
			}
		}
		for _, stock := range []string{"library:hug", "library:family", "library:meeting", "library:sad", "library:mum", "library:boy"} {
			if ref == stock {
				t.Errorf("a stock picture of somebody else's family, %s, is in the book", stock)
			}
		}
	}
	if !hug || !family {
		t.Errorf("scenes drawn: hug %v, family %v; want both", hug, family)
	}
}

// Without any appearance, the worker is still a picture (an outline
// with their lanyard), never a letter; and no stock hug of another child
// sits beside the numbers.
func TestWorkerIsAPictureWithoutAppearance(t *testing.T) {
	in := loadExample(t, "adeyemi-early-help")
	all := slices.Concat(bookPages(t, in, WordsOptions{})...)
	if !slices.Contains(all, "library:"+lookOf(in.Plan, "dan", "").Name()) {
		t.Error("Dan is not drawn")
	}
	if slices.Contains(all, "library:hug") {
		t.Error("the stock hug is beside the numbers")
	}
}

func TestPeoplePictures(t *testing.T) {
	in := loadTestPlan(t, "hughes-appearance")
	got := PeoplePictures(in.Plan)
	if got["leanne"] != "library:"+lookOf(in.Plan, "leanne", "").Name() || got["priya"] == "" {
		t.Errorf("PeoplePictures = %v", got)
	}
	ex := PeoplePictures(loadExample(t, "adeyemi-early-help").Plan)
	if ex["funmi"] != "library:mum" || !strings.HasPrefix(ex["dan"], "library:person-") {
		t.Errorf("a given picture is not kept, or the worker has no outline: %v", ex)
	}
}

// A book of portraits is a valid PDF, byte-identical each time.
func TestPortraitBookIsDeterministic(t *testing.T) {
	in := loadTestPlan(t, "hughes-appearance")
	renderTwice(t, func() ([]byte, error) { return WordsAndPictures(in, testOpt, WordsOptions{}) })
}
