-- A run is one execution of a policy; its options are copied at planning time so the engine never depends on a later edit.
create table run (
    id                        uuid primary key,
    policy_id                 uuid         not null,
    kind                      varchar(16)  not null,
    trigger                   varchar(16)  not null,
    status                    varchar(16)  not null,
    parallelism               integer      not null,
    api_budget_percent        integer      not null,
    inactivity_timeout_millis bigint       not null,
    created_at                timestamptz  not null,
    started_at                timestamptz  not null,
    ended_at                  timestamptz
);
-- At most one active run per policy, enforced by the database so concurrent starts cannot both win.
create unique index run_one_active_per_policy on run (policy_id) where status in ('PENDING', 'RUNNING');
create index run_policy_started on run (policy_id, started_at desc);

create table backup_session (
    id                 uuid primary key,
    run_id             uuid         not null references run (id),
    policy_id          uuid         not null,
    type               varchar(16)  not null,
    kind               varchar(16)  not null,
    status             varchar(16)  not null,
    label              varchar(255) not null,
    stop_requested     boolean      not null default false,
    failure_reason     text,
    created_at         timestamptz  not null,
    started_at         timestamptz,
    ended_at           timestamptz,
    last_upload_at     timestamptz
);
create index backup_session_run on backup_session (run_id);
create index backup_session_policy_created on backup_session (policy_id, created_at desc);
create index backup_session_active on backup_session (status) where status in ('PENDING', 'RUNNING');

create table backup_task (
    id                uuid primary key,
    session_id        uuid          not null references backup_session (id),
    run_id            uuid          not null references run (id),
    ordinal           integer       not null,
    object_name       varchar(255)  not null,
    expected_records  bigint,
    status            varchar(16)   not null,
    restore_point_id  uuid,
    point_kind        varchar(16),
    last_batch_seq    integer       not null default 0,
    last_record_id    varchar(64),
    watermark_field   varchar(255),
    watermark_value   timestamptz,
    claimed_by        varchar(255),
    heartbeat_at      timestamptz,
    attempts          integer       not null default 0,
    records_read      bigint        not null default 0,
    records_new       bigint        not null default 0,
    records_changed   bigint        not null default 0,
    records_deleted   bigint        not null default 0,
    records_unchanged bigint        not null default 0,
    bytes             bigint        not null default 0,
    api_calls         bigint        not null default 0,
    message           text,
    started_at        timestamptz,
    ended_at          timestamptz
);
create index backup_task_session on backup_task (session_id, ordinal);
create index backup_task_claimable on backup_task (run_id, ordinal) where status = 'PENDING';
create index backup_task_running on backup_task (heartbeat_at) where status = 'RUNNING';

create table session_log (
    id          bigserial primary key,
    session_id  uuid         not null, -- no foreign key: events are written in their own transaction, before or beside the session row
    task_id     uuid,
    at          timestamptz  not null,
    level       varchar(8)   not null,
    message     text         not null
);
create index session_log_session on session_log (session_id, id);

-- What earlier runs of a policy saw in the org, to tell new objects and fields from known ones. Ignored objects and
-- fields were found new while the policy's auto-add flags were off: they stay out of later runs too.
create table org_catalog (
    policy_id      uuid          not null,
    object_name    varchar(255)  not null,
    ignored        boolean       not null default false,
    fields         text          not null default '',
    ignored_fields text          not null default '',
    updated_at     timestamptz   not null,
    primary key (policy_id, object_name)
);
