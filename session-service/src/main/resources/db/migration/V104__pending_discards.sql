-- Issue 16: an unfinished restore point whose discard failed (storage-service unreachable) is discarded again later,
-- with backoff, instead of staying OPEN until the policy's next run.
CREATE TABLE pending_discard (
    point_id        uuid        PRIMARY KEY,
    attempts        int         NOT NULL,
    last_error      text,
    next_attempt_at timestamptz NOT NULL
);
CREATE INDEX pending_discard_due ON pending_discard (next_attempt_at);
