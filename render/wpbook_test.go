package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/familynetwork/safetyplan/internal/layout"
)

// bookText is the words of each page of a child's book, as laid out.
func bookText(t *testing.T, in *Input, wo WordsOptions) []string {
	t.Helper()
	var out []string
	opt := testOpt
	opt.laidOut = func(pages []layout.Page) {
		for _, p := range pages {
			var words []string
			for _, it := range p.Items {
				if tx, ok := it.(layout.Text); ok && tx.Text != "•" {
					words = append(words, tx.Text)
				}
			}
			out = append(out, strings.Join(words, " "))
		}
	}
	if _, err := WordsAndPictures(in, opt, wo); err != nil {
		t.Fatal(err)
	}
	return out
}

// bigNetwork is the Hughes plan with fourteen more neighbours, each a
// backup in the last rule: a network large enough to overflow any page
// the book writes itself.
func bigNetwork(t *testing.T) *Input {
	data := editExample(t, "hughes-review", func(m map[string]any) {
		people := m["people"].([]any)
		rules := m["plan"].(map[string]any)["rules"].([]any)
		last := rules[len(rules)-1].(map[string]any)
		backup, _ := last["backup"].([]any)
		for i := 0; i < 14; i++ {
			id := fmt.Sprintf("n%d", i)
			people = append(people, map[string]any{"id": id, "name": fmt.Sprintf("Neighbour%c Smith", 'A'+i), "relationship": "Neighbour", "role": "network", "share_contact": true, "phone": fmt.Sprintf("07700 9001%02d", i)})
			backup = append(backup, id)
		}
		m["people"], last["backup"] = people, backup
	})
	in, err := Load(data, nil, testOpt)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// No page the book writes itself carries more than 40 words, however
// large the network; the worker's own pages are split the same way.
func TestAtMost40WordsAPage(t *testing.T) {
	cases := map[string]*Input{"big network": bigNetwork(t)}
	for _, name := range examples {
		cases[name] = loadExample(t, name)
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			pages := bookText(t, in, WordsOptions{})
			for i, p := range pages {
				if n := len(strings.Fields(p)); n > wordsPerPage {
					t.Errorf("page %d has %d words: %q", i+1, n, short(p))
				}
			}
			text := strings.Join(pages, " ")
			if name == "big network" && !strings.Contains(text, "NeighbourN") {
				t.Error("the last neighbour is missing from the book")
			}
		})
	}
}

// The page after a rule that already says what to do when worried does
// not say it again.
func TestWorriedPageDoesNotRepeatTheRule(t *testing.T) {
	pages := bookText(t, loadExample(t, "hughes-review"), WordsOptions{})
	n := 0
	for _, p := range pages {
		if strings.Contains(p, "If we feel worried or scared, we can") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d pages open with \"If we feel worried or scared, we can\"; want the rule's page only", n)
	}
	for i, p := range pages {
		if strings.HasPrefix(p, "We can also") && strings.Contains(p, "Tomasz next door") {
			t.Errorf("page %d repeats Tomasz, whom the rule's page named", i+1)
		}
	}
}

// A book with no explanation still opens with a cover: the children's
// names and pictures.
func TestCoverWithoutExplanation(t *testing.T) {
	in := loadExample(t, "novak-no-meeting")
	pages := bookText(t, in, WordsOptions{})
	if !strings.Contains(pages[0], "The people who help Ana") || !strings.Contains(pages[0], "Ana") {
		t.Errorf("page 1 is not a cover: %q", pages[0])
	}
	pages = bookText(t, loadExample(t, "hughes-review"), WordsOptions{Part: PartSafetyPlan})
	if !strings.HasPrefix(pages[0], "Kayden and Mia's Safety Plan") {
		t.Errorf("the safety plan alone does not open with its cover: %q", short(pages[0]))
	}
}

// The book calls the worker by the one name the children use.
func TestWorkerNameEverywhere(t *testing.T) {
	text := strings.Join(bookText(t, loadExample(t, "adeyemi-early-help"), WordsOptions{}), " ")
	if strings.Contains(text, "Daniel") {
		t.Error(`the book calls Dan "Daniel" somewhere`)
	}
	if strings.Count(text, "Dan") < 3 {
		t.Error("Dan is not named on the cover, people and worried pages")
	}
}

// A parent whose number is not shared is still on the people who help
// page, without the number.
func TestParentWithHiddenNumberStillHelps(t *testing.T) {
	in := loadExample(t, "hughes-review")
	pages := bookText(t, in, WordsOptions{})
	var people string
	for _, p := range pages {
		if strings.HasPrefix(p, "The people who help us") {
			people = p
		}
	}
	if !strings.Contains(people, "Dad") {
		t.Errorf("Dad is not among the people who help: %q", people)
	}
	if strings.Contains(strings.Join(pages, " "), "07700 900999") || strings.Contains(strings.Join(pages, " "), "07700\u00a0900999") {
		t.Error("Dad's number is in the child's book")
	}
}
