package plan

// Enum is implemented by every string type with a closed set of values.
type Enum interface {
	// Values lists every allowed value, in a stable order.
	Values() []string
}

// RecordSystem is the case record system the outcome form is uploaded to.
type RecordSystem string

// Values lists the record systems.
func (RecordSystem) Values() []string { return []string{"LCS", "EHM"} }

// Team is the kind of team holding the case.
type Team string

// Teams named by the Practice Direction.
const (
	TeamArea            Team = "area"
	TeamDCS             Team = "dcs"
	TeamThroughCare     Team = "through_care"
	TeamFIF             Team = "fif"
	TeamPathwayDecision Team = "pathway_decision"
)

// Values lists the teams.
func (Team) Values() []string {
	return []string{"area", "dcs", "through_care", "fif", "pathway_decision"}
}

// Framework is the statutory framework the family is worked with under.
type Framework string

// Values lists the frameworks.
func (Framework) Values() []string {
	return []string{"early_help", "child_in_need", "child_protection", "child_in_care", "care_leaver", "assessment"}
}

// ManagerRole is the role of a person who records a decision.
type ManagerRole string

// Manager roles that the Practice Direction lets record a rationale or decide
// on further meetings.
const (
	RoleTeamManager            ManagerRole = "team_manager"
	RolePracticeLead           ManagerRole = "practice_lead"
	RoleConsultantSocialWorker ManagerRole = "consultant_social_worker"
)

// Values lists the roles; only the first three may make Practice Direction decisions.
func (ManagerRole) Values() []string {
	return []string{"team_manager", "practice_lead", "consultant_social_worker", "senior_practitioner", "social_worker", "family_support_worker", "other"}
}

// CanDecide reports whether the Practice Direction lets this role record a
// rationale or decide on further meetings.
func (r ManagerRole) CanDecide() bool {
	return r == RoleTeamManager || r == RolePracticeLead || r == RoleConsultantSocialWorker
}

// PersonRole is how a person relates to the plan.
type PersonRole string

// Values lists the person roles.
func (PersonRole) Values() []string { return []string{"parent", "carer", "network", "professional"} }

// MeetingType says whether a meeting was the initial one or a review.
type MeetingType string

// Meeting types.
const (
	MeetingInitial MeetingType = "initial"
	MeetingReview  MeetingType = "review"
)

// Values lists the meeting types.
func (MeetingType) Values() []string { return []string{"initial", "review"} }

// MeetingStatus says whether a meeting was held, is planned or was cancelled.
// The empty value means held.
type MeetingStatus string

// Meeting statuses.
const (
	StatusHeld      MeetingStatus = "held"
	StatusPlanned   MeetingStatus = "planned"
	StatusCancelled MeetingStatus = "cancelled"
)

// Values lists the meeting statuses.
func (MeetingStatus) Values() []string { return []string{"held", "planned", "cancelled"} }

// Held reports whether a meeting took place: its status is held or not given.
func (m Meeting) Held() bool { return m.Status == "" || m.Status == StatusHeld }

// Planned reports whether a meeting is planned and not yet held.
func (m Meeting) Planned() bool { return m.Status == StatusPlanned }

// Support is a kind of help a network member gives.
type Support string

// Values lists the kinds of support.
func (Support) Values() []string {
	return []string{"phone_calls", "visits", "monitoring", "contact", "supervision", "transport", "respite", "other"}
}

// Method is how monitoring or evidence is recorded.
type Method string

// Values lists the methods.
func (Method) Values() []string {
	return []string{"diary", "journal", "text", "call_log", "visit", "other"}
}

// Label returns a reader's word for a role, team or method value.
func Label(v string) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return v
}

var labels = map[string]string{
	"area": "Area social work", "dcs": "Disabled Children's Service", "through_care": "Through Care",
	"fif": "Families in Focus", "pathway_decision": "Pathway Decision",
	"early_help": "Early help", "child_in_need": "Child in need", "child_protection": "Child protection",
	"child_in_care": "Child in care", "care_leaver": "Care leaver", "assessment": "Assessment",
	"team_manager": "Team Manager", "practice_lead": "Practice Lead", "consultant_social_worker": "Consultant Social Worker",
	"senior_practitioner": "Senior Practitioner", "social_worker": "Social Worker", "family_support_worker": "Family Support Worker",
	"other": "Other", "parent": "Parent", "carer": "Carer", "network": "Network", "professional": "Professional",
	"initial": "Initial", "review": "Review", "held": "Held", "planned": "Planned", "cancelled": "Cancelled",
	"phone_calls": "phone calls", "visits": "visits", "monitoring": "monitoring", "contact": "family time",
	"supervision": "supervision", "transport": "transport", "respite": "respite",
	"diary": "Diary", "journal": "Journal", "text": "Texts", "call_log": "Call log", "visit": "Visit",
}
