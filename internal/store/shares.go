package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

func (req *NewShare) validate() error {
	switch {
	case req.PlanID == "":
		return fmt.Errorf("%w: the share names no plan", ErrInvalid)
	case req.Version < 0:
		return fmt.Errorf("%w: the share's version is negative", ErrInvalid)
	case req.Document != DocumentAdultPlan && req.Document != DocumentWordsAndPictures:
		return fmt.Errorf("%w: the document %q is neither %q nor %q", ErrInvalid, req.Document, DocumentAdultPlan, DocumentWordsAndPictures)
	case req.Person == "" || len(req.Person) > 200:
		return fmt.Errorf("%w: the share's person must be a plan id of 1 to 200 bytes", ErrInvalid)
	case req.By == "":
		return fmt.Errorf("%w: who shares is not given", ErrInvalid)
	case len(req.TokenHash) < 16:
		return fmt.Errorf("%w: the token hash is shorter than 16 bytes", ErrInvalid)
	case len(req.CodeHash) == 0:
		return fmt.Errorf("%w: the code hash is empty", ErrInvalid)
	}
	return nil
}

func (s *sqlStore) CreateShare(ctx context.Context, req NewShare) (Share, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := req.validate(); err != nil {
		return Share{}, err
	}
	now := s.now()
	switch {
	case !req.Expires.After(now):
		return Share{}, fmt.Errorf("%w: the share's expiry %s is not in the future", ErrInvalid, req.Expires.UTC().Format("2006-01-02 15:04:05Z"))
	case req.Expires.Sub(now) > MaxShareLifetime:
		return Share{}, fmt.Errorf("%w: the share's expiry %s is more than 90 days away", ErrInvalid, req.Expires.UTC().Format("2006-01-02 15:04:05Z"))
	}
	id, err := randomID()
	if err != nil {
		return Share{}, err
	}
	keyID, ct, err := s.keys.seal([]byte(req.Person), shareAAD(id))
	if err != nil {
		return Share{}, err
	}
	sh := Share{
		ID: id, PlanID: req.PlanID, Version: req.Version, Document: req.Document, Person: req.Person,
		CreatedBy: req.By, CreatedAt: now, ExpiresAt: req.Expires.UTC().Truncate(time.Microsecond),
		CodeHash: append([]byte(nil), req.CodeHash...),
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var latest int
		err := s.queryRow(ctx, tx, "SELECT latest_version FROM plans WHERE id = $1", req.PlanID).Scan(&latest)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: plan %s", ErrNotFound, req.PlanID)
		}
		if err != nil {
			return fmt.Errorf("store: sharing plan %s: %w", req.PlanID, err)
		}
		if sh.Version == 0 {
			sh.Version = latest
		}
		if sh.Version > latest {
			return fmt.Errorf("%w: plan %s version %d", ErrNotFound, req.PlanID, sh.Version)
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO shares (id, plan_id, version, document, person_key_id, person_ciphertext,
    created_by, created_at, expires_at, token_hash, code_hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			sh.ID, sh.PlanID, sh.Version, sh.Document, keyID, ct, sh.CreatedBy, toMicros(sh.CreatedAt), toMicros(sh.ExpiresAt),
			req.TokenHash, req.CodeHash); err != nil {
			if s.d.isUniqueViolation(err) {
				return fmt.Errorf("%w: another share has the same token hash", ErrInvalid)
			}
			return fmt.Errorf("store: sharing plan %s: %w", req.PlanID, err)
		}
		return s.record(ctx, tx, Event{PlanID: sh.PlanID, ShareID: sh.ID, Version: sh.Version, Action: ActionShare, By: sh.CreatedBy, At: now})
	})
	if err != nil {
		return Share{}, err
	}
	return sh, nil
}

const shareColumns = `id, plan_id, version, document, person_key_id, person_ciphertext, created_by, created_at,
    expires_at, revoked_at, revoked_by, failed_attempts, locked_at, code_hash`

func (s *sqlStore) scanShare(sc interface{ Scan(...any) error }) (*Share, error) {
	var (
		sh               Share
		keyID            string
		ct               []byte
		created, expires int64
		revoked, locked  sql.NullInt64
		revokedBy        sql.NullString
	)
	if err := sc.Scan(&sh.ID, &sh.PlanID, &sh.Version, &sh.Document, &keyID, &ct, &sh.CreatedBy, &created,
		&expires, &revoked, &revokedBy, &sh.FailedAttempts, &locked, &sh.CodeHash); err != nil {
		return nil, err
	}
	person, err := s.keys.open(keyID, ct, shareAAD(sh.ID))
	if err != nil {
		return nil, fmt.Errorf("store: share %s: %w", sh.ID, err)
	}
	sh.Person = string(person)
	sh.CreatedAt, sh.ExpiresAt = fromMicros(created), fromMicros(expires)
	sh.RevokedAt, sh.LockedAt = fromNullMicros(revoked), fromNullMicros(locked)
	sh.RevokedBy = revokedBy.String
	return &sh, nil
}

func (s *sqlStore) ShareByTokenHash(ctx context.Context, tokenHash []byte) (*Share, error) {
	if len(tokenHash) == 0 {
		return nil, fmt.Errorf("%w: share", ErrNotFound)
	}
	ctx, cancel := s.bound(ctx)
	defer cancel()
	sh, err := s.scanShare(s.queryRow(ctx, s.db, "SELECT "+shareColumns+" FROM shares WHERE token_hash = $1", tokenHash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: share", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: finding a share: %w", err)
	}
	return sh, nil
}

// ClaimCodeAttempt takes an attempt in one statement, which the database
// applies to the row atomically on both dialects (SQLite holds the write
// lock; PostgreSQL rechecks the WHERE clause after waiting for the row).
func (s *sqlStore) ClaimCodeAttempt(ctx context.Context, shareID string) (int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	now := toMicros(s.now())
	var attempt int
	err := s.queryRow(ctx, s.db, `UPDATE shares SET failed_attempts = failed_attempts + 1,
    locked_at = CASE WHEN failed_attempts + 1 >= $1 THEN $2 ELSE locked_at END
WHERE id = $3 AND locked_at IS NULL AND revoked_at IS NULL AND expires_at > $2 AND failed_attempts < $1
RETURNING failed_attempts`, MaxCodeAttempts, now, shareID).Scan(&attempt)
	if errors.Is(err, sql.ErrNoRows) {
		var one int
		err = s.queryRow(ctx, s.db, "SELECT 1 FROM shares WHERE id = $1", shareID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("%w: share %s", ErrNotFound, shareID)
		}
		if err == nil {
			return 0, fmt.Errorf("%w: share %s", ErrNoAttempt, shareID)
		}
	}
	if err != nil {
		return 0, fmt.Errorf("store: claiming a code attempt for share %s: %w", shareID, err)
	}
	return attempt, nil
}

func (s *sqlStore) ReturnCodeAttempt(ctx context.Context, shareID string, attempt int) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if attempt < 1 || attempt > MaxCodeAttempts {
		return fmt.Errorf("%w: attempt %d was never claimed", ErrInvalid, attempt)
	}
	// Only the claim that took the last attempt set the lock, so only it
	// lifts it.
	query := "UPDATE shares SET failed_attempts = failed_attempts - 1 WHERE id = $1 AND failed_attempts > 0"
	if attempt == MaxCodeAttempts {
		query = "UPDATE shares SET failed_attempts = failed_attempts - 1, locked_at = NULL WHERE id = $1 AND failed_attempts > 0"
	}
	res, err := s.exec(ctx, s.db, query, shareID)
	if err != nil {
		return fmt.Errorf("store: returning a code attempt for share %s: %w", shareID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: share %s has no attempt to return", ErrNotFound, shareID)
	}
	return nil
}

func (s *sqlStore) WrongCode(ctx context.Context, shareID string, attempt int) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if attempt < 1 || attempt > MaxCodeAttempts {
		return fmt.Errorf("%w: attempt %d was never claimed", ErrInvalid, attempt)
	}
	now := s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			planID  string
			version int
		)
		err := s.queryRow(ctx, tx, "SELECT plan_id, version FROM shares WHERE id = $1", shareID).Scan(&planID, &version)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: share %s", ErrNotFound, shareID)
		}
		if err != nil {
			return fmt.Errorf("store: counting a wrong code for share %s: %w", shareID, err)
		}
		ev := Event{PlanID: planID, ShareID: shareID, Version: version, Action: ActionFailedCode, By: LinkActor, At: now}
		if err := s.record(ctx, tx, ev); err != nil {
			return err
		}
		if attempt == MaxCodeAttempts { // this wrong code's claim locked it
			ev.Action = ActionLocked
			return s.record(ctx, tx, ev)
		}
		return nil
	})
}

func (s *sqlStore) RevokeShare(ctx context.Context, shareID, by string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if by == "" {
		return fmt.Errorf("%w: who revokes the share is not given", ErrInvalid)
	}
	now := s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			planID  string
			version int
			revoked sql.NullInt64
		)
		err := s.queryRow(ctx, tx, "SELECT plan_id, version, revoked_at FROM shares WHERE id = $1", shareID).Scan(&planID, &version, &revoked)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: share %s", ErrNotFound, shareID)
		}
		if err != nil {
			return fmt.Errorf("store: revoking share %s: %w", shareID, err)
		}
		res, err := s.exec(ctx, tx, "UPDATE shares SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL", toMicros(now), by, shareID)
		if err != nil {
			return fmt.Errorf("store: revoking share %s: %w", shareID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // already revoked
		}
		return s.record(ctx, tx, Event{PlanID: planID, ShareID: shareID, Version: version, Action: ActionRevoke, By: by, At: now})
	})
}

func (s *sqlStore) SharesForPlan(ctx context.Context, planID string) ([]Share, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var out []Share
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := s.planExists(ctx, tx, planID); err != nil {
			return err
		}
		rows, err := s.query(ctx, tx, "SELECT "+shareColumns+" FROM shares WHERE plan_id = $1 ORDER BY created_at, id", planID)
		if err != nil {
			return fmt.Errorf("store: listing plan %s's shares: %w", planID, err)
		}
		defer rows.Close()
		for rows.Next() {
			sh, err := s.scanShare(rows)
			if err != nil {
				return fmt.Errorf("store: listing plan %s's shares: %w", planID, err)
			}
			out = append(out, *sh)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
