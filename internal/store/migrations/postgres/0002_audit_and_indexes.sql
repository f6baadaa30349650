-- Version 2: the append-only audit log, and indexes for retention and key
-- rotation.

CREATE TABLE audit_log (
    id       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id  TEXT    NOT NULL,  -- no foreign key: entries outlive the plan
    share_id TEXT,
    version  INTEGER,
    action   TEXT    NOT NULL CHECK (action IN ('save', 'share', 'view', 'download', 'failed_code', 'revoke', 'delete', 'locked')),
    actor    TEXT    NOT NULL,
    at       BIGINT  NOT NULL
);

CREATE INDEX audit_log_plan ON audit_log (plan_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE INDEX plans_touched ON plans (touched_at);
CREATE INDEX plan_versions_key ON plan_versions (key_id);
CREATE INDEX uploads_key ON uploads (key_id);
CREATE INDEX shares_person_key ON shares (person_key_id);
