package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// MaxCaseload is the most plans Caseload returns.
const MaxCaseload = 500

// CaseloadEntry is one plan of a caseload: its latest version, decrypted.
type CaseloadEntry struct {
	// PlanID is the plan's id.
	PlanID string
	// Latest is its latest version number.
	Latest int
	// SavedBy and SavedAt say who saved the latest version, and when (UTC).
	SavedBy string
	SavedAt time.Time
	// Team is the latest version's team.
	Team string
	// JSON is the latest version of the plan.
	JSON []byte
}

// Caseload lists the plans of which any version was saved by by (every
// plan when by is "") and whose latest version is of team (any team when
// team is ""), the most recently saved first, at most MaxCaseload.
func (s *sqlStore) Caseload(ctx context.Context, by, team string) ([]CaseloadEntry, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var out []CaseloadEntry
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := s.query(ctx, tx, `SELECT p.id, p.latest_version, v.saved_by, v.saved_at, v.team, v.key_id, v.ciphertext
FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.latest_version
WHERE ($1 = '' OR EXISTS (SELECT 1 FROM plan_versions w WHERE w.plan_id = p.id AND w.saved_by = $1))
  AND ($2 = '' OR v.team = $2)
ORDER BY p.touched_at DESC, p.id
LIMIT $3`, by, team, MaxCaseload)
		if err != nil {
			return fmt.Errorf("store: listing the caseload: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var (
				e     CaseloadEntry
				at    int64
				keyID string
				ct    []byte
			)
			if err := rows.Scan(&e.PlanID, &e.Latest, &e.SavedBy, &at, &e.Team, &keyID, &ct); err != nil {
				return fmt.Errorf("store: listing the caseload: %w", err)
			}
			e.SavedAt = fromMicros(at)
			if e.JSON, err = s.keys.open(keyID, ct, planAAD(e.PlanID, e.Latest)); err != nil {
				return fmt.Errorf("store: plan %s version %d: %w", e.PlanID, e.Latest, err)
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
