-- Org scoping (issue 14): the org connection (policy-service's connection id) a restore point belongs to, sent by
-- session-service when it opens the point. Files and record versions belong to their points. Points from before have
-- none and are visible only to callers of every org. (V100 is backup-security's audit_event.)
ALTER TABLE restore_point ADD COLUMN connection_id uuid;
CREATE INDEX restore_point_connection ON restore_point (connection_id);
