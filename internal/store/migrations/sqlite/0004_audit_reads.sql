-- Version 4: reading a plan, making a stored plan's documents and listing
-- its shares are audited too ('read', 'render', 'read_shares'). SQLite
-- cannot change a CHECK constraint, so the log is copied whole (ids and
-- all) into a table that has the new one; its triggers and index come back
-- with it.

CREATE TABLE audit_log_v4 (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id  TEXT    NOT NULL,  -- no foreign key: entries outlive the plan
    share_id TEXT,
    version  INTEGER,
    action   TEXT    NOT NULL CHECK (action IN ('save', 'share', 'view', 'download', 'failed_code', 'revoke', 'delete', 'locked', 'read', 'render', 'read_shares')),
    actor    TEXT    NOT NULL,
    at       INTEGER NOT NULL
);

INSERT INTO audit_log_v4 (id, plan_id, share_id, version, action, actor, at)
    SELECT id, plan_id, share_id, version, action, actor, at FROM audit_log ORDER BY id;

DROP TABLE audit_log;

ALTER TABLE audit_log_v4 RENAME TO audit_log;

CREATE INDEX audit_log_plan ON audit_log (plan_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
