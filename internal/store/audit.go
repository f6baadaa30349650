package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Record appends e to the audit log. PlanID, a known Action and By are
// required; a zero At means now.
func (s *sqlStore) Record(ctx context.Context, e Event) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	return s.record(ctx, s.db, e)
}

func (s *sqlStore) record(ctx context.Context, q querier, e Event) error {
	switch {
	case e.PlanID == "":
		return fmt.Errorf("%w: the audit event names no plan", ErrInvalid)
	case !e.Action.valid():
		return fmt.Errorf("%w: unknown audit action %q", ErrInvalid, e.Action)
	case e.By == "":
		return fmt.Errorf("%w: the audit event does not say who", ErrInvalid)
	}
	at := s.now()
	if !e.At.IsZero() {
		at = e.At
	}
	shareID := sql.NullString{String: e.ShareID, Valid: e.ShareID != ""}
	version := sql.NullInt64{Int64: int64(e.Version), Valid: e.Version != 0}
	if _, err := s.exec(ctx, q, `INSERT INTO audit_log (plan_id, share_id, version, action, actor, at)
VALUES ($1, $2, $3, $4, $5, $6)`, e.PlanID, shareID, version, string(e.Action), e.By, toMicros(at)); err != nil {
		return fmt.Errorf("store: recording %s of plan %s: %w", e.Action, e.PlanID, err)
	}
	return nil
}

// AuditLog returns the plan's events in the order they were recorded.
func (s *sqlStore) AuditLog(ctx context.Context, planID string) ([]Event, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.query(ctx, s.db, `SELECT id, share_id, version, action, actor, at FROM audit_log
WHERE plan_id = $1 ORDER BY id`, planID)
	if err != nil {
		return nil, fmt.Errorf("store: reading plan %s's audit log: %w", planID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e := Event{PlanID: planID}
		var (
			shareID sql.NullString
			version sql.NullInt64
			action  string
			at      int64
		)
		if err := rows.Scan(&e.ID, &shareID, &version, &action, &e.By, &at); err != nil {
			return nil, fmt.Errorf("store: reading plan %s's audit log: %w", planID, err)
		}
		e.ShareID, e.Version, e.Action, e.At = shareID.String, int(version.Int64), Action(action), fromMicros(at)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: reading plan %s's audit log: %w", planID, err)
	}
	return out, nil
}
