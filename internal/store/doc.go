// Package store keeps safety plans for the service: each save an immutable,
// encrypted version; shares of a version's documents for network members;
// an append-only audit log; and, in clear beside each version, a small
// non-identifying Summary from which the compliance report is computed.
//
// # Backends
//
// Open picks the backend from its URL: "sqlite:PATH" (or "sqlite::memory:")
// is SQLite through the pure-Go modernc.org/sqlite, for a single process;
// "postgres://..." is PostgreSQL through pgx's database/sql driver, for
// several replicas. Both are one implementation over database/sql; queries
// use $1 placeholders, which SQLite reads as ?1. Times are stored as
// microseconds since the Unix epoch (UTC) and dates as 'YYYY-MM-DD' text,
// so the SQL is the same on both. SQLite runs in WAL mode with
// synchronous=FULL (a commit that returned survives a crash), foreign keys
// on, secure_delete on (deleted rows are overwritten in the file) and write
// transactions that take the write lock at BEGIN; a file it creates is
// readable by its owner alone (0600), and so are its -wal and -shm files.
//
// # Schema
//
//	schema_migrations  version, name, applied_at
//	plans              id, created_at, touched_at (last save), latest_version
//	plan_versions      plan_id, version, saved_by, saved_at, key_id, ciphertext,
//	                   and the Summary: team, first_meeting_due, first_meeting_held,
//	                   review_due, review_held, rationale_recorded
//	version_meetings   plan_id, version, seq, meeting_date, outcome_due, outcome_recorded
//	uploads            plan_id, version, seq, key_id, ciphertext (name and bytes)
//	shares             id, plan_id, version, document, person_key_id, person_ciphertext,
//	                   created_by/at, expires_at, revoked_at/by, failed_attempts,
//	                   locked_at, token_hash (unique), code_hash
//	audit_log          id, plan_id, share_id, version, action, actor, at
//	rate_limits        key (an HMAC), window_start, window_end, hits
//
// Versions, meetings, uploads and shares go with their plan (ON DELETE
// CASCADE); the audit log has no foreign key and outlives the plan.
//
// # Migrations
//
// The migrations are embedded SQL files, migrations/DIALECT/NNNN_name.sql,
// applied in order by Open, each in its own transaction together with its
// row in schema_migrations. They are forward-only: a database newer than
// the program is refused, and a released migration is never edited. On
// PostgreSQL, Open holds pg_advisory_lock while migrating, so replicas that
// start together migrate one at a time; on SQLite each migration's
// transaction takes the write lock and re-reads the version first.
// Version 1 creates the plans, versions, meetings, uploads and shares;
// version 2 adds the audit log (append-only by triggers that raise on
// UPDATE and DELETE, and on PostgreSQL TRUNCATE) and indexes for retention
// and key rotation.
//
// Version 3 adds rate_limits.
//
// # Several replicas
//
// Nothing a person does depends on which replica answers: everything that
// must be the same across replicas is in the database or signed with the
// keyring. Allow counts rate-limited hits in rate_limits (fixed windows;
// the limited key, such as a client address, kept only as an HMAC), and
// ClaimCodeAttempt takes a code attempt on the share's row atomically. Sign and Verify sign
// small values (the share page's session cookie) with a key derived from
// the keyring's current key and check them under any key of the ring, so
// every replica with the same keys accepts what another signed.
//
// # Deadlines
//
// Every call gives its context the store's timeout (Options.Timeout,
// default DefaultTimeout) unless it already ends sooner: a stuck database
// or a held lock fails the call, and its transaction is rolled back, so a
// save either commits within the deadline or not at all.
//
// # Concurrent saves
//
// SavePlan is optimistic: the caller says which version it edited
// (BaseVersion) and the save is a compare-and-set on plans.latest_version
// in the same transaction as the new version's rows (UPDATE ... WHERE
// latest_version = base; for a new plan INSERT ... ON CONFLICT DO NOTHING),
// backed by the (plan_id, version) primary key. Of two saves from the same
// version exactly one succeeds; the other gets *ConflictError with the
// current version (the HTTP API's 409), and nothing of it is written.
//
// # Encryption at rest
//
// The plan JSON, each upload (its name and bytes) and each share's person
// id are sealed with AES-256-GCM under the keyring's current key, with a
// random 96-bit nonce stored in front of the ciphertext and the key's id
// in the column beside it. The additional authenticated data names the row
// (plan id and version; plus the upload's position; the share id), so a
// ciphertext copied to another row, version or kind of value does not
// decrypt (ErrDecrypt). Open refuses an empty keyring (ErrNoKey) and a
// keyring that lacks a key some stored value is under.
//
// Key rotation: (1) make a key with NewKey; (2) where several replicas run,
// first deploy it as an old key (after the current one) everywhere, so
// every replica can read what the others will write; (3) deploy it first
// (current), keeping the old keys after it; (4) run Reencrypt, which
// rewrites every value under an old key; (5) when KeysInUse shows no value
// under an old key, drop it.
//
// # What the store records itself
//
// SavePlan, CreateShare, RevokeShare, DeletePlan and DeleteUntouchedSince
// append their audit events (save, share, revoke, delete) in the same
// transaction as the change, so a change and its audit entry are never one
// without the other. WrongCode records failed_code and locked. Callers
// Record only what the store cannot see: view, download, read, render and
// read_shares.
//
// # The five-wrong-codes lockout
//
// A code is compared only after ClaimCodeAttempt has taken one of the
// share's MaxCodeAttempts attempts, in a single UPDATE that increments the
// count only while the share is unlocked and under the limit (and locks it
// when it takes the last). A right code gives its attempt back. So however
// many codes arrive at once, on however many replicas, no more than
// MaxCodeAttempts wrong codes are ever compared, and a right code sent
// after the lock is never compared at all. A crash between claim and
// settling costs an attempt, never grants one.
//
// # The compliance report
//
// ReportRows reads the Summary of the latest version of every stored plan
// and tallies, for each team and month, the first meetings, outcomes and
// first reviews that fall due in that month (Met, Late, Overdue, Pending,
// as of today in Europe/London by the store's clock), and the missed first
// meetings that need a rationale (Recorded, Missing). Build each version's
// Summary with SummaryFor, which uses package compliance's deadlines.
package store
