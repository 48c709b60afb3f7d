-- When a run's end was reported (alerts sent to policy-service, metrics counted); runs ended before this migration
-- count as reported, so an upgrade alerts nothing old.
alter table run add column end_reported_at timestamptz;
update run set end_reported_at = ended_at where ended_at is not null;
create index run_end_unreported on run (ended_at) where ended_at is not null and end_reported_at is null;

-- What an ended incremental run saw unusual per object: DELETIONS against the object's size, CHANGES against the
-- object's usual count in the policy's recent runs.
create table run_anomaly (
    id          bigserial primary key,
    run_id      uuid         not null references run (id),
    object_name varchar(255) not null,
    kind        varchar(16)  not null,
    observed    bigint       not null,
    baseline    bigint       not null,
    description text         not null,
    unique (run_id, object_name, kind)
);
