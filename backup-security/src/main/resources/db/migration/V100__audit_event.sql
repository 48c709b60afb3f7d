-- The audit trail (issue 14), shared by the three services: backup-security ships this migration, so each service's
-- own migrations leave version 100 free. Who did what to which target, when, with which role and outcome; never
-- record contents or secrets.
CREATE TABLE audit_event (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_subject text,
    actor_name    text,
    actor_client  text,
    role          text,
    action        text        NOT NULL,
    method        text        NOT NULL,
    target        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILED', 'DENIED', 'UNAUTHENTICATED')),
    status        integer     NOT NULL,
    request_id    text        NOT NULL,
    details       text
);

CREATE INDEX audit_event_at ON audit_event (at DESC);
CREATE INDEX audit_event_actor ON audit_event (actor_subject, at DESC);
CREATE INDEX audit_event_action ON audit_event (action, at DESC);
