package plan

// Appearance is how someone looks, so that the child's book can draw them
// as the children know them: one portrait per person, the same on every
// page. Every field is optional; a person with a picture (a library
// picture, an upload or a photo) is shown by that picture instead.
type Appearance struct {
	Skin         SkinTone     `json:"skin"`
	Hair         HairStyle    `json:"hair"`
	HairColour   HairColour   `json:"hair_colour"`
	Age          AgeGroup     `json:"age"`
	Presentation Presentation `json:"presentation"`
	HeadCovering HeadCovering `json:"head_covering"`
	Glasses      bool         `json:"glasses"`
	Beard        bool         `json:"beard"`
	Wheelchair   bool         `json:"wheelchair"`
	HearingAid   bool         `json:"hearing_aid"`
}

// SkinTone is one of seven skin tones, lightest to darkest.
type SkinTone string

// Values lists the skin tones, lightest first.
func (SkinTone) Values() []string {
	return []string{"very_light", "light", "medium_light", "medium", "medium_dark", "dark", "very_dark"}
}

// HairStyle is how the hair is worn.
type HairStyle string

// Values lists the hair styles.
func (HairStyle) Values() []string {
	return []string{"bald", "shaved", "short", "curly", "afro", "long", "braids", "locs", "bun", "ponytail", "bob"}
}

// HairColour is the colour of the hair (and beard).
type HairColour string

// Values lists the hair colours.
func (HairColour) Values() []string {
	return []string{"black", "dark_brown", "brown", "auburn", "red", "blonde", "grey", "white"}
}

// AgeGroup is roughly how old someone looks.
type AgeGroup string

// Values lists the age groups, youngest first.
func (AgeGroup) Values() []string {
	return []string{"baby", "toddler", "child", "teenager", "adult", "older_adult"}
}

// Presentation is the gender a picture suggests, or none.
type Presentation string

// Values lists the presentations.
func (Presentation) Values() []string { return []string{"feminine", "masculine", "none"} }

// HeadCovering is a covering worn on the head.
type HeadCovering string

// Values lists the head coverings.
func (HeadCovering) Values() []string {
	return []string{"none", "hijab", "turban", "headscarf", "kippah", "cap"}
}

// AppearanceOf returns how the child, person or lead worker with the given
// id looks, or nil when the plan does not say.
func (p *Plan) AppearanceOf(id string) *Appearance {
	if p.Case.LeadWorker.ID == id {
		return p.Case.LeadWorker.Appearance
	}
	for _, c := range p.Children {
		if c.ID == id {
			return c.Appearance
		}
	}
	for _, x := range p.People {
		if x.ID == id {
			return x.Appearance
		}
	}
	return nil
}
