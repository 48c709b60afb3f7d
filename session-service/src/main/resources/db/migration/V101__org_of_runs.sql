-- Org scoping (issue 14): the connection (org) a run and its sessions back up, copied from the policy when the run
-- starts, so a caller limited to some orgs sees only theirs. Rows from before have none and are visible only to
-- callers of every org. (V100 is backup-security's audit_event.)
ALTER TABLE run ADD COLUMN connection_id uuid;
ALTER TABLE session ADD COLUMN connection_id uuid;
CREATE INDEX run_connection ON run (connection_id, started_at DESC);
CREATE INDEX session_connection ON session (connection_id, created_at DESC);
