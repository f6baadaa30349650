package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// ReportRow is one team's month in the compliance report. Each deadline is
// counted in the month it falls due, and only from the latest version of
// each plan; deleted plans are not counted.
type ReportRow struct {
	// Team is the plans' team.
	Team string `json:"team"`
	// Month is the month the deadlines fall due, "YYYY-MM".
	Month string `json:"month"`
	// FirstMeetings are the first meetings due (12 weeks after involvement
	// started); Met means held within the 12 weeks.
	FirstMeetings Tally `json:"first_meetings"`
	// Outcomes are the meetings' outcomes due (five working days after
	// each meeting); Met means recorded within five working days.
	Outcomes Tally `json:"outcomes"`
	// Reviews are the first reviews due (4 weeks after the first meeting);
	// Met means held within the 4 weeks.
	Reviews Tally `json:"reviews"`
	// Rationales are, among this month's first meetings, those missed (held
	// late, or not held by a due date now passed), which need a rationale.
	Rationales RationaleTally `json:"rationales"`
}

// Tally counts deadlines falling due in a month by how they stand.
// Due = Met + Late + Overdue + Pending; the share "within time" is
// Met / (Met + Late + Overdue) when that is not zero.
type Tally struct {
	// Due is every deadline falling due in the month.
	Due int `json:"due"`
	// Met is done on or before the due date.
	Met int `json:"met"`
	// Late is done after the due date.
	Late int `json:"late"`
	// Overdue is not done, and the due date has passed.
	Overdue int `json:"overdue"`
	// Pending is not done, and the due date is today or later.
	Pending int `json:"pending"`
}

// RationaleTally counts the missed first meetings that need a rationale.
type RationaleTally struct {
	// Required is the first meetings missed.
	Required int `json:"required"`
	// Recorded is those with a rationale recorded by an allowed role.
	Recorded int `json:"recorded"`
	// Missing is Required - Recorded.
	Missing int `json:"missing"`
}

func (t *Tally) add(due plan.Date, done *plan.Date, today plan.Date) {
	t.Due++
	switch {
	case done != nil && done.After(due):
		t.Late++
	case done != nil:
		t.Met++
	case today.After(due):
		t.Overdue++
	default:
		t.Pending++
	}
}

// ReportRows loads the summary of every plan's latest version (of the team,
// if given) and tallies it with aggregate.
func (s *sqlStore) ReportRows(ctx context.Context, from, to plan.Date, team string) ([]ReportRow, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var sums []Summary
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		byPlan := map[string]int{}
		rows, err := s.query(ctx, tx, `SELECT v.plan_id, v.team, v.first_meeting_due, v.first_meeting_held,
    v.review_due, v.review_held, v.rationale_recorded
FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.latest_version
WHERE $1 = '' OR v.team = $1
ORDER BY v.plan_id`, team)
		if err != nil {
			return fmt.Errorf("store: reading summaries: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var (
				id, team                     string
				fmDue, fmHeld, rvDue, rvHeld sql.NullString
				rationale                    int
			)
			if err := rows.Scan(&id, &team, &fmDue, &fmHeld, &rvDue, &rvHeld, &rationale); err != nil {
				return fmt.Errorf("store: reading summaries: %w", err)
			}
			sum := Summary{Team: team, RationaleRecorded: rationale == 1}
			if sum.FirstMeetingDue, err = scanDate(fmDue); err != nil {
				return err
			}
			if sum.FirstMeetingHeld, err = scanDatePtr(fmHeld); err != nil {
				return err
			}
			if sum.ReviewDue, err = scanDate(rvDue); err != nil {
				return err
			}
			if sum.ReviewHeld, err = scanDatePtr(rvHeld); err != nil {
				return err
			}
			byPlan[id] = len(sums)
			sums = append(sums, sum)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: reading summaries: %w", err)
		}
		rows.Close()

		mrows, err := s.query(ctx, tx, `SELECT m.plan_id, m.meeting_date, m.outcome_due, m.outcome_recorded
FROM plans p
JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.latest_version
JOIN version_meetings m ON m.plan_id = v.plan_id AND m.version = v.version
WHERE $1 = '' OR v.team = $1
ORDER BY m.plan_id, m.seq`, team)
		if err != nil {
			return fmt.Errorf("store: reading summaries: %w", err)
		}
		defer mrows.Close()
		for mrows.Next() {
			var (
				id             string
				date, due, rec sql.NullString
			)
			if err := mrows.Scan(&id, &date, &due, &rec); err != nil {
				return fmt.Errorf("store: reading summaries: %w", err)
			}
			i, ok := byPlan[id]
			if !ok {
				continue // saved after the first query (not on a snapshot)
			}
			var m MeetingSummary
			if m.Date, err = scanDate(date); err != nil {
				return err
			}
			if m.OutcomeDue, err = scanDate(due); err != nil {
				return err
			}
			if m.OutcomeRecorded, err = scanDatePtr(rec); err != nil {
				return err
			}
			sums[i].Meetings = append(sums[i].Meetings, m)
		}
		return mrows.Err()
	})
	if err != nil {
		return nil, err
	}
	return aggregate(sums, from, to, plan.DateOf(s.now())), nil
}

// aggregate tallies summaries by team and by the month each deadline falls
// due in, counting deadlines due between from and to inclusive (a zero
// bound is open), as they stand on today.
func aggregate(sums []Summary, from, to, today plan.Date) []ReportRow {
	in := func(d plan.Date) bool {
		return !d.IsZero() && (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
	}
	type key struct{ team, month string }
	rows := map[key]*ReportRow{}
	row := func(team string, d plan.Date) *ReportRow {
		k := key{team, fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))}
		r := rows[k]
		if r == nil {
			r = &ReportRow{Team: k.team, Month: k.month}
			rows[k] = r
		}
		return r
	}
	for _, s := range sums {
		if due := s.FirstMeetingDue; in(due) {
			r := row(s.Team, due)
			r.FirstMeetings.add(due, s.FirstMeetingHeld, today)
			held := s.FirstMeetingHeld
			if (held != nil && held.After(due)) || (held == nil && today.After(due)) {
				r.Rationales.Required++
				if s.RationaleRecorded {
					r.Rationales.Recorded++
				} else {
					r.Rationales.Missing++
				}
			}
		}
		for _, m := range s.Meetings {
			if in(m.OutcomeDue) {
				row(s.Team, m.OutcomeDue).Outcomes.add(m.OutcomeDue, m.OutcomeRecorded, today)
			}
		}
		if due := s.ReviewDue; in(due) {
			row(s.Team, due).Reviews.add(due, s.ReviewHeld, today)
		}
	}
	out := make([]ReportRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Team != out[j].Team {
			return out[i].Team < out[j].Team
		}
		return out[i].Month < out[j].Month
	})
	return out
}
