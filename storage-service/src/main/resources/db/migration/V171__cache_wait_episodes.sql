-- A policy's restore points waiting in a repository's backup cache longer than the alert threshold: one row per episode,
-- from the first check that saw them overdue until the policy's points no longer wait. alerted_at is set by the one
-- storage-service instance that reports the episode to policy-service (cleared again if the report failed).
CREATE TABLE cache_wait_episode (
    repository_id uuid        NOT NULL REFERENCES backup_repository (id) ON DELETE CASCADE,
    policy_id     uuid        NOT NULL,
    started_at    timestamptz NOT NULL,
    alerted_at    timestamptz,
    PRIMARY KEY (repository_id, policy_id)
);
