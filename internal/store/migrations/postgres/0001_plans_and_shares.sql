-- Version 1: plans as immutable encrypted versions, their compliance
-- summaries, uploads and shares. Times are microseconds since the Unix
-- epoch (UTC); dates are TEXT 'YYYY-MM-DD', as on SQLite.

CREATE TABLE plans (
    id             TEXT    PRIMARY KEY,
    created_at     BIGINT  NOT NULL,
    touched_at     BIGINT  NOT NULL,  -- last save, for retention
    latest_version INTEGER NOT NULL CHECK (latest_version >= 1)
);

CREATE TABLE plan_versions (
    plan_id            TEXT    NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    version            INTEGER NOT NULL CHECK (version >= 1),
    saved_by           TEXT    NOT NULL,
    saved_at           BIGINT  NOT NULL,
    key_id             TEXT    NOT NULL,  -- the key that encrypted ciphertext
    ciphertext         BYTEA   NOT NULL,  -- AES-256-GCM nonce||sealed plan JSON
    -- The compliance summary, in clear: no names, no reference, no text.
    team               TEXT    NOT NULL,
    first_meeting_due  TEXT,
    first_meeting_held TEXT,
    review_due         TEXT,
    review_held        TEXT,
    rationale_recorded INTEGER NOT NULL DEFAULT 0 CHECK (rationale_recorded IN (0, 1)),
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE version_meetings (
    plan_id          TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    seq              INTEGER NOT NULL,
    meeting_date     TEXT    NOT NULL,
    outcome_due      TEXT,
    outcome_recorded TEXT,
    PRIMARY KEY (plan_id, version, seq),
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, version) ON DELETE CASCADE
);

CREATE TABLE uploads (
    plan_id    TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    key_id     TEXT    NOT NULL,
    ciphertext BYTEA   NOT NULL,  -- sealed name and bytes
    PRIMARY KEY (plan_id, version, seq),
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, version) ON DELETE CASCADE
);

CREATE TABLE shares (
    id                TEXT    PRIMARY KEY,
    plan_id           TEXT    NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    version           INTEGER NOT NULL,
    document          TEXT    NOT NULL CHECK (document IN ('adult-plan', 'words-and-pictures')),
    person_key_id     TEXT    NOT NULL,
    person_ciphertext BYTEA   NOT NULL,  -- sealed person id
    created_by        TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    expires_at        BIGINT  NOT NULL,
    revoked_at        BIGINT,
    revoked_by        TEXT,
    failed_attempts   INTEGER NOT NULL DEFAULT 0,
    locked_at         BIGINT,
    token_hash        BYTEA   NOT NULL UNIQUE,
    code_hash         BYTEA   NOT NULL,
    FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, version) ON DELETE CASCADE
);

CREATE INDEX shares_plan ON shares (plan_id, created_at);
