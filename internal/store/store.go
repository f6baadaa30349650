package store

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/familynetwork/safetyplan/internal/plan"
)

// Store keeps plans as immutable encrypted versions, their shares and an
// append-only audit log. Implementations are safe for concurrent use by
// many goroutines and, on PostgreSQL, by many replicas.
type Store interface {
	// SavePlan stores a new version of a plan (or a new plan) and returns
	// it. It fails with *ConflictError when BaseVersion is not the latest
	// version, ErrNotFound when the plan does not exist and ErrInvalid for
	// a bad request. It records a "save" audit event in the same
	// transaction.
	SavePlan(ctx context.Context, req SavePlan) (Version, error)
	// Plan returns one version of a plan, decrypted; version 0 means the
	// latest. ErrNotFound when the plan or version does not exist.
	Plan(ctx context.Context, id string, version int) (*StoredPlan, error)
	// Versions lists a plan's versions, oldest first. ErrNotFound when the
	// plan does not exist.
	Versions(ctx context.Context, id string) ([]Version, error)
	// DeletePlan removes a plan with every version, upload and share, and
	// records a "delete" audit event by by. ErrNotFound when it does not
	// exist.
	DeletePlan(ctx context.Context, id, by string) error
	// DeleteUntouchedSince deletes, as DeletePlan does (audit by
	// RetentionActor), every plan last saved before t, and returns how many
	// it deleted.
	DeleteUntouchedSince(ctx context.Context, t time.Time) (int, error)

	// CreateShare stores a share of one version's document for one person
	// and records a "share" audit event. ErrNotFound when the plan version
	// does not exist, ErrInvalid for a bad request.
	CreateShare(ctx context.Context, req NewShare) (Share, error)
	// ShareByTokenHash finds a share by the hash of its link token, whatever
	// its status (check Share.Status). ErrNotFound when none has the hash.
	ShareByTokenHash(ctx context.Context, tokenHash []byte) (*Share, error)
	// ClaimCodeAttempt takes one of a share's MaxCodeAttempts attempts at
	// its code, before the code is compared: in one statement that
	// succeeds only while the share is unlocked, unrevoked, unexpired and
	// under the limit, so that however many codes arrive at once no more
	// than MaxCodeAttempts are ever compared. The claim that takes the
	// last attempt locks the share. It returns the attempt's number (1 to
	// MaxCodeAttempts); ErrNoAttempt when none can be taken, ErrNotFound
	// when the share does not exist. The caller then settles the attempt
	// with ReturnCodeAttempt (a right code) or WrongCode.
	ClaimCodeAttempt(ctx context.Context, shareID string) (attempt int, err error)
	// ReturnCodeAttempt gives back an attempt claimed for a right code,
	// lifting the lock when that attempt had set it.
	ReturnCodeAttempt(ctx context.Context, shareID string, attempt int) error
	// WrongCode records "failed_code" for a claimed attempt whose code was
	// wrong and, when that attempt was the last, "locked". ErrNotFound
	// when the share does not exist.
	WrongCode(ctx context.Context, shareID string, attempt int) error
	// RevokeShare revokes a share and records "revoke" by by. Revoking a
	// revoked share changes nothing and is not an error. ErrNotFound when
	// the share does not exist.
	RevokeShare(ctx context.Context, shareID, by string) error
	// SharesForPlan lists a plan's shares (every status), oldest first.
	// ErrNotFound when the plan does not exist.
	SharesForPlan(ctx context.Context, planID string) ([]Share, error)

	// Caseload lists the latest versions of the plans by saved (any
	// version; every plan when by is "") of team ("" for any), the most
	// recently saved first, at most MaxCaseload.
	Caseload(ctx context.Context, by, team string) ([]CaseloadEntry, error)

	// Sign signs msg for purpose under the keyring's current key, so that
	// any replica with the same keys can Verify it (share-page sessions).
	Sign(purpose string, msg []byte) string
	// Verify checks a signature made by Sign under any key of the keyring.
	Verify(purpose string, msg []byte, sig string) bool
	// Allow counts a hit against key and reports whether it is within
	// limit hits per window, and if not, how long until it is. Replicas
	// share the count.
	Allow(ctx context.Context, key string, limit int, window time.Duration) (ok bool, retryAfter time.Duration, err error)

	// Record appends an event to the audit log. The store records save,
	// share, revoke, failed_code, locked and delete itself; callers record
	// view and download (of a shared link), and read, render and
	// read_shares (by workers and systems).
	Record(ctx context.Context, e Event) error
	// AuditLog returns a plan's audit events in the order they were
	// recorded, including after the plan is deleted. Never ErrNotFound.
	AuditLog(ctx context.Context, planID string) ([]Event, error)

	// ReportRows computes the compliance report from the Summary of the
	// latest version of each stored plan: for each team and month, the
	// deadlines falling due in the month between from and to (inclusive;
	// a zero date is unbounded) and how they stand today (the store's
	// clock, in Europe/London). team "" means every team. Rows are sorted
	// by team, then month; months with nothing due are left out.
	ReportRows(ctx context.Context, from, to plan.Date, team string) ([]ReportRow, error)

	// Reencrypt re-encrypts every stored value that is not under the
	// keyring's current key and returns how many it rewrote.
	Reencrypt(ctx context.Context) (int, error)
	// KeysInUse counts the stored values under each key id, so that an
	// operator can tell when an old key may be dropped.
	KeysInUse(ctx context.Context) (map[string]int, error)

	// Close closes the database.
	Close() error
}

// Errors the store returns; test with errors.Is.
var (
	// ErrNotFound means the plan, version or share does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrInvalid is wrapped by errors about a request the store refuses
	// (an empty JSON, an unknown document, an expiry in the past...).
	ErrInvalid = errors.New("store: invalid request")
	// ErrNoAttempt means a share takes no code now: it is locked, revoked
	// or expired, or its last attempts are being compared.
	ErrNoAttempt = errors.New("store: no code attempt left")
	// ErrConflict matches every *ConflictError under errors.Is.
	ErrConflict = errors.New("store: conflict")
)

// ConflictError is SavePlan's error when the plan has been saved since the
// version the caller edited (or, for a new plan with a caller-chosen id,
// when the id is taken). The HTTP API answers 409 with Current.
type ConflictError struct {
	// PlanID is the plan saved.
	PlanID string
	// Base is the version the caller edited (0 for a new plan).
	Base int
	// Current is the plan's latest version now.
	Current int
}

// Error says which versions conflict.
func (e *ConflictError) Error() string {
	if e.Base == 0 {
		return fmt.Sprintf("store: plan %s already exists (version %d)", e.PlanID, e.Current)
	}
	return fmt.Sprintf("store: plan %s was edited from version %d, but version %d has been saved since", e.PlanID, e.Base, e.Current)
}

// Is makes errors.Is(err, ErrConflict) true for a *ConflictError.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// Limits the store enforces.
const (
	// MaxCodeAttempts wrong codes lock a share.
	MaxCodeAttempts = 5
	// MaxShareLifetime is the longest a share may last from its creation.
	MaxShareLifetime = 90 * 24 * time.Hour
	// RetentionActor is the By of the delete events DeleteUntouchedSince
	// records.
	RetentionActor = "retention"
	// LinkActor is the By of the failed_code and locked events WrongCode
	// records: whoever held the link.
	LinkActor = "link"
	// TokenActor is the By of what an API client (a bearer token) does;
	// a labelled token's is TokenActor, a colon and the label.
	TokenActor = "token"
	// LocalActor is the By of what is done when authentication is off.
	LocalActor = "local"
	// ShareActorPrefix, followed by the share's id, is the By of what is
	// done through a shared link once its code was given.
	ShareActorPrefix = "share:"
)

// SystemActor reports whether by is one of the names the service writes
// in the audit log for itself (RetentionActor, LinkActor, TokenActor with
// or without a label, LocalActor, or ShareActorPrefix and an id): a
// person's sign-in name must never be one of them, or the log could not
// tell them apart.
func SystemActor(by string) bool {
	switch by {
	case RetentionActor, LinkActor, TokenActor, LocalActor:
		return true
	}
	return strings.HasPrefix(by, ShareActorPrefix) || strings.HasPrefix(by, TokenActor+":")
}

// Options adjust a store.
type Options struct {
	// Now is the clock for saved, created, expiry and audit times and for
	// the report's today; nil means time.Now. Times are kept to the
	// microsecond, in UTC.
	Now func() time.Time
	// Timeout bounds every database call whose context has no earlier
	// deadline (default DefaultTimeout), so that a stuck database fails a
	// request instead of holding it.
	Timeout time.Duration
}

// DefaultTimeout is the deadline of a database call when Options.Timeout is
// zero and the caller's context has none sooner.
const DefaultTimeout = 15 * time.Second

// Documents a share may give.
const (
	// DocumentAdultPlan is a network member's own copy of the adult plan.
	DocumentAdultPlan = "adult-plan"
	// DocumentWordsAndPictures is the child's Words and Pictures plan.
	DocumentWordsAndPictures = "words-and-pictures"
)

// SavePlan is a request to save a version of a plan.
type SavePlan struct {
	// PlanID is the plan to save; "" makes a new plan with a random id. A
	// new plan may also be given an id (1 to 64 of A-Z a-z 0-9 _ -).
	PlanID string
	// BaseVersion is the version the worker edited: 0 for a new plan, else
	// the latest version, or SavePlan fails with *ConflictError.
	BaseVersion int
	// JSON is the plan, valid JSON; stored encrypted.
	JSON []byte
	// Uploads are the files the plan refers to (upload:NAME), by name;
	// stored encrypted, names included, with this version.
	Uploads map[string][]byte
	// By is who saved: the worker's id.
	By string
	// Summary is the non-identifying compliance record of this version,
	// kept in clear (see SummaryFor). Its Team is required.
	Summary Summary
}

// Version describes one stored version of a plan.
type Version struct {
	// PlanID is the plan's id.
	PlanID string `json:"plan_id"`
	// Version is 1 for the first save, then 2, 3...
	Version int `json:"version"`
	// SavedBy is who saved it.
	SavedBy string `json:"saved_by"`
	// SavedAt is when, in UTC.
	SavedAt time.Time `json:"saved_at"`
}

// StoredPlan is one version of a plan, decrypted.
type StoredPlan struct {
	// PlanID is the plan's id.
	PlanID string
	// Version is this version's number.
	Version int
	// Latest is the plan's latest version number.
	Latest int
	// SavedBy is who saved this version.
	SavedBy string
	// SavedAt is when, in UTC.
	SavedAt time.Time
	// JSON is the plan as saved.
	JSON []byte
	// Uploads are the files saved with this version, by name; never nil.
	Uploads map[string][]byte
	// Summary is the compliance record saved with this version.
	Summary Summary
}

// NewShare is a request to share one document of one plan version.
type NewShare struct {
	// PlanID is the plan shared.
	PlanID string
	// Version is the version shared; 0 means the latest when the share is
	// made.
	Version int
	// Document is DocumentAdultPlan or DocumentWordsAndPictures.
	Document string
	// Person is the id, in the plan, of whom the share is for; stored
	// encrypted.
	Person string
	// By is the worker who shares.
	By string
	// Expires is when the link stops working: after now and no more than
	// MaxShareLifetime from now.
	Expires time.Time
	// TokenHash is the hash of the link token (SHA-256 of at least 128
	// random bits); at least 16 bytes, unique.
	TokenHash []byte
	// CodeHash is what the caller derives from the six-digit code, stored
	// as given.
	CodeHash []byte
}

// Share is a stored share.
type Share struct {
	// ID is the share's random id.
	ID string `json:"id"`
	// PlanID is the plan shared.
	PlanID string `json:"plan_id"`
	// Version is the plan version shared.
	Version int `json:"version"`
	// Document is DocumentAdultPlan or DocumentWordsAndPictures.
	Document string `json:"document"`
	// Person is the plan's id of whom it is for.
	Person string `json:"person"`
	// CreatedBy is the worker who shared.
	CreatedBy string `json:"created_by"`
	// CreatedAt is when, in UTC.
	CreatedAt time.Time `json:"created_at"`
	// ExpiresAt is when the link stops working.
	ExpiresAt time.Time `json:"expires_at"`
	// RevokedAt is when the share was revoked; nil if it has not been.
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
	// RevokedBy is who revoked it.
	RevokedBy string `json:"revoked_by,omitempty"`
	// FailedAttempts counts wrong codes.
	FailedAttempts int `json:"failed_attempts"`
	// LockedAt is set when MaxCodeAttempts wrong codes locked the share.
	LockedAt *time.Time `json:"locked_at,omitempty"`
	// CodeHash is the stored code hash, for CodeMatches.
	CodeHash []byte `json:"-"`
}

// Share statuses, as Share.Status reports them.
const (
	// ShareActive means the link and code may open the document.
	ShareActive = "active"
	// ShareExpired means the expiry time has passed.
	ShareExpired = "expired"
	// ShareRevoked means a worker revoked the share.
	ShareRevoked = "revoked"
	// ShareLocked means too many wrong codes were given.
	ShareLocked = "locked"
)

// Status returns ShareRevoked, ShareLocked, ShareExpired or ShareActive, in
// that order of precedence, at time now.
func (s *Share) Status(now time.Time) string {
	switch {
	case s.RevokedAt != nil:
		return ShareRevoked
	case s.LockedAt != nil:
		return ShareLocked
	case !now.Before(s.ExpiresAt):
		return ShareExpired
	default:
		return ShareActive
	}
}

// CodeMatches compares a code hash with the stored one in constant time.
func (s *Share) CodeMatches(codeHash []byte) bool {
	return len(s.CodeHash) > 0 && subtle.ConstantTimeCompare(s.CodeHash, codeHash) == 1
}

// Action is what an audit event records.
type Action string

// The audit actions.
const (
	// ActionSave: a version was saved (recorded by SavePlan).
	ActionSave Action = "save"
	// ActionShare: a share was created (recorded by CreateShare).
	ActionShare Action = "share"
	// ActionView: a shared document was viewed (recorded by the caller).
	ActionView Action = "view"
	// ActionDownload: a shared document was downloaded (by the caller).
	ActionDownload Action = "download"
	// ActionFailedCode: a wrong code was given (recorded by WrongCode).
	ActionFailedCode Action = "failed_code"
	// ActionRevoke: a share was revoked (recorded by RevokeShare).
	ActionRevoke Action = "revoke"
	// ActionDelete: the plan was deleted (recorded by DeletePlan and
	// DeleteUntouchedSince).
	ActionDelete Action = "delete"
	// ActionLocked: a share was locked by wrong codes (by WrongCode).
	ActionLocked Action = "locked"
	// ActionRead: a worker or system read a version of the plan, with its
	// photos (recorded by the caller).
	ActionRead Action = "read"
	// ActionRender: a worker or system made a document of a stored version
	// (recorded by the caller).
	ActionRender Action = "render"
	// ActionReadShares: a worker or system listed the plan's shares, which
	// say whom each copy is for (recorded by the caller).
	ActionReadShares Action = "read_shares"
)

func (a Action) valid() bool {
	switch a {
	case ActionSave, ActionShare, ActionView, ActionDownload, ActionFailedCode, ActionRevoke, ActionDelete, ActionLocked,
		ActionRead, ActionRender, ActionReadShares:
		return true
	}
	return false
}

// Event is one audit log entry. It carries no plan content: ids, the
// action, who and when.
type Event struct {
	// ID orders events; set by the store.
	ID int64 `json:"id"`
	// PlanID is the plan concerned; required.
	PlanID string `json:"plan_id"`
	// ShareID is the share concerned, if any.
	ShareID string `json:"share_id,omitempty"`
	// Version is the plan version concerned, if any (0 when none).
	Version int `json:"version,omitempty"`
	// Action is what happened.
	Action Action `json:"action"`
	// By is who did it: a worker id, or for a shared link an id that is not
	// content, such as LinkActor or "share:"+ShareID.
	By string `json:"by"`
	// At is when; the zero time means now.
	At time.Time `json:"at"`
}

// Open opens the store at url and brings its schema up to date:
// "sqlite:PATH" (also "sqlite::memory:") or "postgres://..." /
// "postgresql://...". It fails with ErrNoKey when keys is empty, and when
// stored values are under keys the keyring lacks.
func Open(ctx context.Context, url string, keys Keyring) (Store, error) {
	return OpenOptions(ctx, url, keys, Options{})
}

// OpenOptions is Open with options.
func OpenOptions(ctx context.Context, url string, keys Keyring, opt Options) (Store, error) {
	s, err := open(ctx, url, keys, opt)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func open(ctx context.Context, url string, keys Keyring, opt Options) (*sqlStore, error) {
	if keys.Empty() {
		return nil, ErrNoKey
	}
	var (
		db  *sql.DB
		d   dialect
		err error
	)
	switch {
	case strings.HasPrefix(url, "sqlite:"):
		db, err = openSQLite(strings.TrimPrefix(url, "sqlite:"))
		d = sqliteDialect
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		db, err = openPostgres(url)
		d = postgresDialect
	default:
		return nil, fmt.Errorf("store: unknown store %q: use sqlite:PATH or postgres://USER@HOST/DATABASE", redactURL(url))
	}
	if err != nil {
		return nil, err
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	s := &sqlStore{db: db, d: d, keys: keys, clock: opt.Now, timeout: timeout}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connecting to %s: %w", redactURL(url), err)
	}
	if err := migrate(ctx, db, d, len(migrations(d))); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.checkKeys(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// redactURL hides a password in a database URL for error messages.
func redactURL(u string) string {
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok {
		return u
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return u
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":xxxxx@" + host
	}
	return u
}

// sqlStore is the Store over database/sql, for both dialects.
type sqlStore struct {
	db      *sql.DB
	d       dialect
	keys    Keyring
	clock   func() time.Time
	timeout time.Duration
}

// bound gives ctx the store's deadline unless it already ends sooner.
func (s *sqlStore) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, s.timeout)
}

func (s *sqlStore) now() time.Time {
	t := time.Now()
	if s.clock != nil {
		t = s.clock()
	}
	return t.UTC().Truncate(time.Microsecond)
}

func (s *sqlStore) Close() error { return s.db.Close() }

// checkKeys refuses a keyring that cannot decrypt what is stored.
func (s *sqlStore) checkKeys(ctx context.Context) error {
	inUse, err := s.KeysInUse(ctx)
	if err != nil {
		return err
	}
	var missing []string
	for id := range inUse {
		if !s.keys.Has(id) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		sortStrings(missing)
		return fmt.Errorf("store: stored values are encrypted under key(s) %s, which %s lacks: add the old key(s) after the current one", strings.Join(missing, ", "), KeysEnv)
	}
	return nil
}
