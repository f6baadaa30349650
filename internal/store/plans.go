package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"time"
)

var planIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// ValidID reports whether id has the shape of a plan or share id: 1 to 64
// of A-Z a-z 0-9 _ -. Nothing else can be stored, so a caller may answer
// "not found" without asking the database.
func ValidID(id string) bool { return planIDPattern.MatchString(id) }

// MaxVersion is the highest version number the store can hold (the
// largest 32-bit integer, PostgreSQL's integer).
const MaxVersion = 1<<31 - 1

// randomID returns 128 random bits as 26 lower-case base32 characters.
func randomID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("store: making an id: %w", err)
	}
	return lowerBase32.EncodeToString(b), nil
}

var lowerBase32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

func (req *SavePlan) validate() error {
	switch {
	case req.PlanID != "" && !planIDPattern.MatchString(req.PlanID):
		return fmt.Errorf("%w: the plan id must be 1 to 64 letters, digits, underscores or hyphens", ErrInvalid)
	case req.BaseVersion < 0:
		return fmt.Errorf("%w: the base version is negative", ErrInvalid)
	case req.PlanID == "" && req.BaseVersion != 0:
		return fmt.Errorf("%w: a new plan's base version must be 0", ErrInvalid)
	case len(req.JSON) == 0 || !json.Valid(req.JSON):
		return fmt.Errorf("%w: the plan is not valid JSON", ErrInvalid)
	case req.By == "":
		return fmt.Errorf("%w: who saved the plan is not given", ErrInvalid)
	}
	for name := range req.Uploads {
		if name == "" || len(name) > 255 {
			return fmt.Errorf("%w: an upload's name must be 1 to 255 bytes", ErrInvalid)
		}
	}
	return req.Summary.validate()
}

// SavePlan stores version BaseVersion+1 of the plan. The check that
// BaseVersion is still the latest is a compare-and-set on plans.latest_version
// inside the transaction (UPDATE ... WHERE latest_version = base), backed by
// the (plan_id, version) primary key, so two concurrent saves of the same
// version can never both succeed.
func (s *sqlStore) SavePlan(ctx context.Context, req SavePlan) (Version, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if err := req.validate(); err != nil {
		return Version{}, err
	}
	id := req.PlanID
	if id == "" {
		var err error
		if id, err = randomID(); err != nil {
			return Version{}, err
		}
	}
	v := Version{PlanID: id, Version: req.BaseVersion + 1, SavedBy: req.By, SavedAt: s.now()}

	// Encrypt before the transaction, to hold the write lock briefly.
	keyID, ct, err := s.keys.seal(req.JSON, planAAD(id, v.Version))
	if err != nil {
		return Version{}, err
	}
	names := make([]string, 0, len(req.Uploads))
	for name := range req.Uploads {
		names = append(names, name)
	}
	sort.Strings(names)
	type sealed struct {
		keyID string
		ct    []byte
	}
	ups := make([]sealed, len(names))
	for i, name := range names {
		k, c, err := s.keys.seal(encodeUpload(name, req.Uploads[name]), uploadAAD(id, v.Version, i))
		if err != nil {
			return Version{}, err
		}
		ups[i] = sealed{k, c}
	}

	at := toMicros(v.SavedAt)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if req.BaseVersion == 0 {
			res, err := s.exec(ctx, tx, `INSERT INTO plans (id, created_at, touched_at, latest_version)
VALUES ($1, $2, $2, 1) ON CONFLICT (id) DO NOTHING`, id, at)
			if err != nil {
				return fmt.Errorf("store: saving plan %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return s.conflict(ctx, tx, id, req.BaseVersion)
			}
		} else {
			res, err := s.exec(ctx, tx, `UPDATE plans SET latest_version = $1, touched_at = $2
WHERE id = $3 AND latest_version = $4`, v.Version, at, id, req.BaseVersion)
			if err != nil {
				return fmt.Errorf("store: saving plan %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return s.conflict(ctx, tx, id, req.BaseVersion)
			}
		}
		sum := req.Summary
		rationale := 0
		if sum.RationaleRecorded {
			rationale = 1
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO plan_versions (plan_id, version, saved_by, saved_at, key_id, ciphertext,
    team, first_meeting_due, first_meeting_held, review_due, review_held, rationale_recorded)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			id, v.Version, req.By, at, keyID, ct,
			sum.Team, dateArg(sum.FirstMeetingDue), datePtrArg(sum.FirstMeetingHeld),
			dateArg(sum.ReviewDue), datePtrArg(sum.ReviewHeld), rationale); err != nil {
			if s.d.isUniqueViolation(err) {
				return s.conflict(ctx, tx, id, req.BaseVersion)
			}
			return fmt.Errorf("store: saving plan %s version %d: %w", id, v.Version, err)
		}
		for i, m := range sum.Meetings {
			if _, err := s.exec(ctx, tx, `INSERT INTO version_meetings (plan_id, version, seq, meeting_date, outcome_due, outcome_recorded)
VALUES ($1, $2, $3, $4, $5, $6)`, id, v.Version, i, m.Date.String(), dateArg(m.OutcomeDue), datePtrArg(m.OutcomeRecorded)); err != nil {
				return fmt.Errorf("store: saving plan %s version %d: %w", id, v.Version, err)
			}
		}
		for i, u := range ups {
			if _, err := s.exec(ctx, tx, `INSERT INTO uploads (plan_id, version, seq, key_id, ciphertext)
VALUES ($1, $2, $3, $4, $5)`, id, v.Version, i, u.keyID, u.ct); err != nil {
				return fmt.Errorf("store: saving plan %s version %d: an upload: %w", id, v.Version, err)
			}
		}
		return s.record(ctx, tx, Event{PlanID: id, Version: v.Version, Action: ActionSave, By: req.By, At: v.SavedAt})
	})
	if err != nil {
		return Version{}, err
	}
	return v, nil
}

// conflict works out SavePlan's error once its compare-and-set failed.
func (s *sqlStore) conflict(ctx context.Context, tx *sql.Tx, id string, base int) error {
	var cur int
	err := s.queryRow(ctx, tx, "SELECT latest_version FROM plans WHERE id = $1", id).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: plan %s", ErrNotFound, id)
	}
	if err != nil {
		return fmt.Errorf("store: saving plan %s: %w", id, err)
	}
	return &ConflictError{PlanID: id, Base: base, Current: cur}
}

// An upload's plaintext is the name's length (uvarint), the name, then the
// bytes, so that names are encrypted too.
func encodeUpload(name string, data []byte) []byte {
	b := make([]byte, 0, binary.MaxVarintLen64+len(name)+len(data))
	b = binary.AppendUvarint(b, uint64(len(name)))
	b = append(b, name...)
	return append(b, data...)
}

func decodeUpload(b []byte) (string, []byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return "", nil, fmt.Errorf("store: a stored upload is malformed")
	}
	return string(b[k : k+int(n)]), b[k+int(n):], nil
}

func (s *sqlStore) Plan(ctx context.Context, id string, version int) (*StoredPlan, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if version < 0 {
		return nil, fmt.Errorf("%w: version %d", ErrInvalid, version)
	}
	p := &StoredPlan{PlanID: id, Uploads: map[string][]byte{}}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := s.queryRow(ctx, tx, "SELECT latest_version FROM plans WHERE id = $1", id).Scan(&p.Latest); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("%w: plan %s", ErrNotFound, id)
			}
			return fmt.Errorf("store: reading plan %s: %w", id, err)
		}
		p.Version = version
		if version == 0 {
			p.Version = p.Latest
		}
		var (
			keyID                        string
			ct                           []byte
			savedAt                      int64
			fmDue, fmHeld, rvDue, rvHeld sql.NullString
			rationale                    int
		)
		err := s.queryRow(ctx, tx, `SELECT saved_by, saved_at, key_id, ciphertext, team,
    first_meeting_due, first_meeting_held, review_due, review_held, rationale_recorded
FROM plan_versions WHERE plan_id = $1 AND version = $2`, id, p.Version).Scan(
			&p.SavedBy, &savedAt, &keyID, &ct, &p.Summary.Team, &fmDue, &fmHeld, &rvDue, &rvHeld, &rationale)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: plan %s version %d", ErrNotFound, id, p.Version)
		}
		if err != nil {
			return fmt.Errorf("store: reading plan %s version %d: %w", id, p.Version, err)
		}
		p.SavedAt = fromMicros(savedAt)
		p.Summary.RationaleRecorded = rationale == 1
		if p.Summary.FirstMeetingDue, err = scanDate(fmDue); err != nil {
			return err
		}
		if p.Summary.FirstMeetingHeld, err = scanDatePtr(fmHeld); err != nil {
			return err
		}
		if p.Summary.ReviewDue, err = scanDate(rvDue); err != nil {
			return err
		}
		if p.Summary.ReviewHeld, err = scanDatePtr(rvHeld); err != nil {
			return err
		}
		if p.JSON, err = s.keys.open(keyID, ct, planAAD(id, p.Version)); err != nil {
			return fmt.Errorf("store: plan %s version %d: %w", id, p.Version, err)
		}
		if p.Summary.Meetings, err = s.meetings(ctx, tx, id, p.Version); err != nil {
			return err
		}
		return s.uploads(ctx, tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func (s *sqlStore) meetings(ctx context.Context, tx *sql.Tx, id string, version int) ([]MeetingSummary, error) {
	rows, err := s.query(ctx, tx, `SELECT meeting_date, outcome_due, outcome_recorded FROM version_meetings
WHERE plan_id = $1 AND version = $2 ORDER BY seq`, id, version)
	if err != nil {
		return nil, fmt.Errorf("store: reading plan %s version %d: %w", id, version, err)
	}
	defer rows.Close()
	var ms []MeetingSummary
	for rows.Next() {
		var date, due, rec sql.NullString
		if err := rows.Scan(&date, &due, &rec); err != nil {
			return nil, fmt.Errorf("store: reading plan %s version %d: %w", id, version, err)
		}
		var m MeetingSummary
		if m.Date, err = scanDate(date); err != nil {
			return nil, err
		}
		if m.OutcomeDue, err = scanDate(due); err != nil {
			return nil, err
		}
		if m.OutcomeRecorded, err = scanDatePtr(rec); err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

func (s *sqlStore) uploads(ctx context.Context, tx *sql.Tx, p *StoredPlan) error {
	rows, err := s.query(ctx, tx, `SELECT seq, key_id, ciphertext FROM uploads
WHERE plan_id = $1 AND version = $2 ORDER BY seq`, p.PlanID, p.Version)
	if err != nil {
		return fmt.Errorf("store: reading plan %s version %d's uploads: %w", p.PlanID, p.Version, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			seq   int
			keyID string
			ct    []byte
		)
		if err := rows.Scan(&seq, &keyID, &ct); err != nil {
			return fmt.Errorf("store: reading plan %s version %d's uploads: %w", p.PlanID, p.Version, err)
		}
		pt, err := s.keys.open(keyID, ct, uploadAAD(p.PlanID, p.Version, seq))
		if err != nil {
			return fmt.Errorf("store: plan %s version %d upload %d: %w", p.PlanID, p.Version, seq, err)
		}
		name, data, err := decodeUpload(pt)
		if err != nil {
			return err
		}
		p.Uploads[name] = data
	}
	return rows.Err()
}

func (s *sqlStore) Versions(ctx context.Context, id string) ([]Version, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var vs []Version
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := s.planExists(ctx, tx, id); err != nil {
			return err
		}
		rows, err := s.query(ctx, tx, `SELECT version, saved_by, saved_at FROM plan_versions
WHERE plan_id = $1 ORDER BY version`, id)
		if err != nil {
			return fmt.Errorf("store: listing plan %s's versions: %w", id, err)
		}
		defer rows.Close()
		for rows.Next() {
			v := Version{PlanID: id}
			var at int64
			if err := rows.Scan(&v.Version, &v.SavedBy, &at); err != nil {
				return fmt.Errorf("store: listing plan %s's versions: %w", id, err)
			}
			v.SavedAt = fromMicros(at)
			vs = append(vs, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return vs, nil
}

func (s *sqlStore) planExists(ctx context.Context, q querier, id string) error {
	var one int
	err := s.queryRow(ctx, q, "SELECT 1 FROM plans WHERE id = $1", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: plan %s", ErrNotFound, id)
	}
	if err != nil {
		return fmt.Errorf("store: reading plan %s: %w", id, err)
	}
	return nil
}

func (s *sqlStore) DeletePlan(ctx context.Context, id, by string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if by == "" {
		return fmt.Errorf("%w: who deletes the plan is not given", ErrInvalid)
	}
	deleted, err := s.deletePlan(ctx, id, by, nil)
	if err != nil {
		return err
	}
	if !deleted {
		return fmt.Errorf("%w: plan %s", ErrNotFound, id)
	}
	return nil
}

// deletePlan deletes one plan (its versions, meetings, uploads and shares
// go by ON DELETE CASCADE) and records the deletion, in one transaction.
// With before set, only a plan last saved before it is deleted, so that a
// plan saved meanwhile survives retention.
func (s *sqlStore) deletePlan(ctx context.Context, id, by string, before *time.Time) (bool, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	deleted := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			res sql.Result
			err error
		)
		if before != nil {
			res, err = s.exec(ctx, tx, "DELETE FROM plans WHERE id = $1 AND touched_at < $2", id, toMicros(*before))
		} else {
			res, err = s.exec(ctx, tx, "DELETE FROM plans WHERE id = $1", id)
		}
		if err != nil {
			return fmt.Errorf("store: deleting plan %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		deleted = true
		return s.record(ctx, tx, Event{PlanID: id, Action: ActionDelete, By: by, At: s.now()})
	})
	return deleted, err
}

func (s *sqlStore) DeleteUntouchedSince(ctx context.Context, t time.Time) (int, error) {
	n := 0
	for {
		var ids []string
		err := func() error {
			ctx, cancel := s.bound(ctx)
			defer cancel()
			rows, err := s.query(ctx, s.db, "SELECT id FROM plans WHERE touched_at < $1 ORDER BY touched_at, id LIMIT 100", toMicros(t))
			if err != nil {
				return fmt.Errorf("store: finding plans to delete: %w", err)
			}
			defer rows.Close()
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					return fmt.Errorf("store: finding plans to delete: %w", err)
				}
				ids = append(ids, id)
			}
			return rows.Err()
		}()
		if err != nil {
			return n, err
		}
		if len(ids) == 0 {
			return n, nil
		}
		for _, id := range ids {
			deleted, err := s.deletePlan(ctx, id, RetentionActor, &t)
			if err != nil {
				return n, err
			}
			if deleted {
				n++
			}
		}
	}
}
