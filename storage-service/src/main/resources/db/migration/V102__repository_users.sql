-- Issue 16: the policies that use a repository, as policy-service registers them (PUT/DELETE
-- /api/v1/repositories/{id}/users/{policyId}), so a repository in use cannot be deleted from under its policies.
CREATE TABLE repository_user (
    repository_id uuid        NOT NULL REFERENCES backup_repository (id),
    policy_id     uuid        NOT NULL,
    registered_at timestamptz NOT NULL,
    PRIMARY KEY (repository_id, policy_id)
);
