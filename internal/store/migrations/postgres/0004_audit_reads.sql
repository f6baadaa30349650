-- Version 4: reading a plan, making a stored plan's documents and listing
-- its shares are audited too ('read', 'render', 'read_shares').

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('save', 'share', 'view', 'download', 'failed_code', 'revoke', 'delete', 'locked', 'read', 'render', 'read_shares'));
