package plan

// Plan is one family's safety plan: the whole input contract. Its JSON form is
// snake_case; see the published JSON Schema (Schema) for every field and limit.
type Plan struct {
	SchemaVersion      int               `json:"schema_version" plan:"required"`
	Case               Case              `json:"case" plan:"required"`
	Children           []Child           `json:"children" plan:"required,maxitems=50"`
	People             []Person          `json:"people" plan:"maxitems=500"`
	Meetings           []Meeting         `json:"meetings" plan:"maxitems=200"`
	NoMeetingRationale *Rationale        `json:"no_meeting_rationale"`
	Assessment         Assessment        `json:"assessment" plan:"required"`
	Arrangements       Arrangements      `json:"plan"`
	Evidence           []Evidence        `json:"evidence" plan:"maxitems=500"`
	Reviews            []Review          `json:"reviews" plan:"maxitems=200"`
	Handover           *Handover         `json:"handover"`
	WordsAndPictures   *WordsAndPictures `json:"words_and_pictures"`
}

// Case is the case record the plan belongs to.
type Case struct {
	Reference                  string       `json:"reference" plan:"required,max=40"`
	RecordSystem               RecordSystem `json:"record_system" plan:"required"`
	Team                       Team         `json:"team" plan:"required"`
	TeamName                   string       `json:"team_name" plan:"max=200"`
	Framework                  Framework    `json:"framework"`
	InvolvementStarted         Date         `json:"involvement_started" plan:"required"`
	LeadWorker                 Worker       `json:"lead_worker" plan:"required"`
	Manager                    *Manager     `json:"manager"`
	FamilyLanguage             string       `json:"family_language" plan:"max=35"`
	FamilyMeetingConsideredOn  *Date        `json:"family_meeting_considered_on"`
	FamilyMeetingConsideration string       `json:"family_meeting_consideration" plan:"max=5000"`
}

// Worker is the lead worker. Their id counts as a person for references.
type Worker struct {
	ID    string `json:"id" plan:"required,id"`
	Name  string `json:"name" plan:"required,max=200"`
	Role  string `json:"role" plan:"max=200"`
	Phone string `json:"phone" plan:"max=40"`
	Email string `json:"email" plan:"max=254"`
	// KnownAs is what the children call the worker ("Dan"), and Picture
	// how they are shown on the child's "people who help me" page.
	KnownAs string `json:"known_as" plan:"max=100"`
	Picture string `json:"picture" plan:"picture"`

	// Appearance is how they look, for the child's book (appearance.go).
	Appearance *Appearance `json:"appearance"`
}

// Manager is a named manager and their role; Practice Direction decisions
// must be made by a team manager, practice lead or consultant social worker.
type Manager struct {
	Name string      `json:"name" plan:"required,max=200"`
	Role ManagerRole `json:"role" plan:"required"`
}

// Child is a child the plan is for.
type Child struct {
	ID          string `json:"id" plan:"required,id"`
	Name        string `json:"name" plan:"required,max=200"`
	KnownAs     string `json:"known_as" plan:"max=100"`
	DateOfBirth Date   `json:"date_of_birth" plan:"required"`
	InCare      bool   `json:"in_care"`
	Picture     string `json:"picture" plan:"picture"`
	Views       *Views `json:"views"`

	// Appearance is how the child looks, for their book (appearance.go).
	Appearance *Appearance `json:"appearance"`
}

// Views are the child's own words: the Three Houses.
type Views struct {
	Worries    string `json:"worries" plan:"max=5000"`
	GoodThings string `json:"good_things" plan:"max=5000"`
	Wishes     string `json:"wishes" plan:"max=5000"`
}

// Person is a member of the family, the network or the professional network.
type Person struct {
	ID           string     `json:"id" plan:"required,id"`
	Name         string     `json:"name" plan:"required,max=200"`
	KnownAs      string     `json:"known_as" plan:"max=100"`
	Relationship string     `json:"relationship" plan:"max=200"`
	Role         PersonRole `json:"role" plan:"required"`
	Phone        string     `json:"phone" plan:"max=40"`
	Email        string     `json:"email" plan:"max=254"`
	ShareContact bool       `json:"share_contact"`
	// ContactHiddenFrom are the ids of people who must never see this
	// person's contact details, whatever ShareContact says.
	ContactHiddenFrom []string `json:"contact_hidden_from" plan:"ref,maxitems=50" doc:"Ids of people who must never see this person's phone or email, whatever share_contact says: their own copies, the network copy and the children's book leave it out."`
	Picture           string   `json:"picture" plan:"picture"`

	// Appearance is how they look, for the child's book (appearance.go).
	Appearance *Appearance `json:"appearance"`
	// Language is the language (BCP 47, "ur", "cy") of the person's own
	// copy of the plan and their share page; "" is the family's language.
	Language string `json:"language" plan:"max=35"`
}

// Meeting is a family/network meeting: held (the default), planned or
// cancelled. Only held meetings count as done, date the plan or give it a
// version; a planned one needs only its id, type and date.
type Meeting struct {
	ID                      string           `json:"id" plan:"required,id"`
	Type                    MeetingType      `json:"type" plan:"required"`
	Status                  MeetingStatus    `json:"status" doc:"held (the default), planned or cancelled. Only held meetings count, date the plan and give its version; a planned one needs only id, type and date."`
	Date                    Date             `json:"date" plan:"required"`
	StartTime               *Time            `json:"start_time"`
	DurationMinutes         int              `json:"duration_minutes" plan:"min=0,maxint=1440"`
	Venue                   string           `json:"venue" plan:"max=300"`
	AttendeesChosenByFamily bool             `json:"attendees_chosen_by_family"`
	Attendees               []string         `json:"attendees" plan:"ref,maxitems=200"`
	Apologies               []string         `json:"apologies" plan:"ref,maxitems=200"`
	Facilitator             string           `json:"facilitator" plan:"ref"`
	OutcomeRecordedOn       *Date            `json:"outcome_recorded_on"`
	Summary                 string           `json:"summary" plan:"max=20000"`
	FurtherMeetings         *FurtherMeetings `json:"further_meetings"`
	Interpreter             *string          `json:"interpreter" plan:"max=100"`
	LifelongConnections     *string          `json:"lifelong_connections" plan:"max=5000"`
}

// FurtherMeetings is the decision on further meetings and who made it.
type FurtherMeetings struct {
	Decision  string   `json:"decision" plan:"required,max=5000"`
	DecidedBy *Manager `json:"decided_by"`
}

// Rationale records why no meeting was held within 12 weeks.
type Rationale struct {
	RecordedBy Manager `json:"recorded_by" plan:"required"`
	RecordedOn Date    `json:"recorded_on" plan:"required"`
	Rationale  string  `json:"rationale" plan:"required,max=20000"`
}

// Assessment is the Signs of Safety mapping: worries, goals, what is working.
type Assessment struct {
	Worries             []Worry      `json:"worries" plan:"maxitems=100"`
	ComplicatingFactors []string     `json:"complicating_factors" plan:"maxitems=100,max=5000"`
	WorkingWell         []string     `json:"working_well" plan:"maxitems=100,max=5000"`
	Goals               []Goal       `json:"goals" plan:"maxitems=100"`
	SafetyScale         *SafetyScale `json:"safety_scale"`
	BottomLines         []string     `json:"bottom_lines" plan:"maxitems=100,max=5000"`
}

// Worry is a danger or worry statement; disagreement is kept beside it.
type Worry struct {
	ID         string   `json:"id" plan:"required,id"`
	Statement  string   `json:"statement" plan:"required,max=30000"`
	ChildWords string   `json:"child_words" plan:"max=2000"`
	DisputedBy []string `json:"disputed_by" plan:"ref,maxitems=100"`
	Dispute    string   `json:"dispute" plan:"max=5000"`
}

// Goal is a safety goal: what people will see instead of the worry.
type Goal struct {
	ID         string `json:"id" plan:"required,id"`
	Statement  string `json:"statement" plan:"required,max=30000"`
	ChildWords string `json:"child_words" plan:"max=2000"`
}

// SafetyScale is the 0 to 10 question and each person's answers over time.
type SafetyScale struct {
	Question string   `json:"question" plan:"max=2000"`
	Ratings  []Rating `json:"ratings" plan:"maxitems=1000"`
}

// Rating is one person's score on one date.
type Rating struct {
	By    string `json:"by" plan:"required,ref"`
	Score int    `json:"score" plan:"min=0,maxint=10"`
	Date  Date   `json:"date" plan:"required"`
}

// Arrangements are the rules of the plan and what backs them up.
type Arrangements struct {
	Rules         []Rule        `json:"rules" plan:"maxitems=200"`
	Contingencies []Contingency `json:"contingencies" plan:"maxitems=200"`
	Monitoring    []Monitoring  `json:"monitoring" plan:"maxitems=200"`
	RedFlags      []string      `json:"red_flags" plan:"maxitems=100,max=5000"`
	Tests         []Test        `json:"tests" plan:"maxitems=200"`
}

// Rule says who does what, when, who backs them up and how everyone will know.
type Rule struct {
	ID         string    `json:"id" plan:"required,id"`
	Worry      string    `json:"worry" plan:"worryref"`
	Goal       string    `json:"goal" plan:"goalref"`
	When       string    `json:"when" plan:"required,max=1000"`
	Then       string    `json:"then" plan:"required,max=10000"`
	Who        []string  `json:"who" plan:"required,ref,maxitems=50"`
	Backup     []string  `json:"backup" plan:"ref,maxitems=50"`
	Support    []Support `json:"support" plan:"maxitems=20"`
	Monitoring string    `json:"monitoring" plan:"max=5000"`
	ChildWords string    `json:"child_words" plan:"max=2000"`
	Picture    string    `json:"picture" plan:"picture"`
	// AgreedAt is the id of the meeting at which the rule was agreed;
	// empty means the first held meeting.
	AgreedAt string `json:"agreed_at" plan:"meetingref" doc:"The id of the held meeting at which the rule was agreed; default the first held meeting. A meeting's outcome form lists only the rules agreed by it."`
}

// Contingency is the backup when someone cannot do their part.
type Contingency struct {
	WhatIf string   `json:"what_if" plan:"required,max=2000"`
	Then   string   `json:"then" plan:"required,max=10000"`
	Who    []string `json:"who" plan:"ref,maxitems=50"`
}

// Monitoring is how the network keeps a record of the plan working.
type Monitoring struct {
	Method      Method   `json:"method" plan:"required"`
	By          []string `json:"by" plan:"ref,maxitems=50"`
	Description string   `json:"description" plan:"max=5000"`
}

// Test is a planned chance to test the plan, and afterwards how it went.
type Test struct {
	Date    Date     `json:"date" plan:"required"`
	What    string   `json:"what" plan:"required,max=5000"`
	Who     []string `json:"who" plan:"ref,maxitems=50"`
	Outcome *string  `json:"outcome" plan:"max=5000"`
}

// Evidence is what the network shows at a review.
type Evidence struct {
	Date    Date   `json:"date" plan:"required"`
	By      string `json:"by" plan:"required,ref"`
	Method  Method `json:"method" plan:"required"`
	Summary string `json:"summary" plan:"required,max=5000"`
}

// Review is what a review meeting found.
type Review struct {
	Meeting             string          `json:"meeting" plan:"required,meetingref"`
	WorkingWell         []string        `json:"working_well" plan:"maxitems=100,max=5000"`
	Worries             []string        `json:"worries" plan:"maxitems=100,max=5000"`
	Changes             []string        `json:"changes" plan:"maxitems=100,max=5000"`
	NetworkAnswers      *NetworkAnswers `json:"network_answers"`
	LifelongConnections *string         `json:"lifelong_connections" plan:"max=5000"`
}

// NetworkAnswers are the network's answers to the three review questions.
type NetworkAnswers struct {
	WhatWeDoWhenProblems string `json:"what_we_do_when_problems" plan:"max=5000"`
	HowItHasBeenManaged  string `json:"how_it_has_been_managed" plan:"max=5000"`
	HowWeKnowItWorks     string `json:"how_we_know_it_works" plan:"max=5000"`
}

// Handover is the passing of review facilitation to a network member.
type Handover struct {
	Facilitator string `json:"facilitator" plan:"required,ref"`
	PlannedFor  *Date  `json:"planned_for"`
	CompletedOn *Date  `json:"completed_on"`
}

// WordsAndPictures holds the child's explanation and picture safety plan.
type WordsAndPictures struct {
	Language    string `json:"language" plan:"max=35"`
	Explanation *Story `json:"explanation"`
	SafetyPlan  *Story `json:"safety_plan"`
	// Helpers are the people on the child's "people who help me" page, in
	// order. When empty, they are everyone named in a rule (who or backup)
	// or a contingency, except a parent whose contact details are not
	// shared; and when the plan has no rules yet, its network.
	Helpers []string `json:"helpers" plan:"ref,maxitems=50"`
}

// Story is one Words and Pictures document: a title and its pages.
type Story struct {
	Title                string   `json:"title" plan:"required,max=200"`
	CoCreatedWith        []string `json:"co_created_with" plan:"ref,maxitems=50"`
	SharedWithChildrenOn *Date    `json:"shared_with_children_on"`
	Pages                []Page   `json:"pages" plan:"maxitems=100"`
}

// Page is one page of a Words and Pictures document.
type Page struct {
	Text    string `json:"text" plan:"required,max=2000"`
	Picture string `json:"picture" plan:"picture"`
}
