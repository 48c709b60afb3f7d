-- Restores (issue 15) are runs of kind RESTORE. What only a restore needs lives in its own tables.

-- The request as it was accepted, and where it reads (a restore point id or an instant) and writes (the target org).
create table restore_job (
    run_id               uuid primary key references run (id),
    policy_id            uuid         not null,
    target_connection_id uuid         not null,
    restore_point_id     uuid,
    as_of                timestamptz  not null,
    mode                 varchar(32)  not null,
    dry_run              boolean      not null,
    request              text         not null,
    created_at           timestamptz  not null
);

-- Which records of each object a restore writes (the request's scope of the object and the hierarchy links), stored
-- before its tasks, which read it when they start.
create table restore_selection (
    run_id      uuid         not null references run (id),
    object_name varchar(255) not null,
    selection   text         not null,
    primary key (run_id, object_name)
);

-- The restore points a restore reads, leased in storage-service so retention keeps them until it ends.
create table restore_lease (
    run_id           uuid not null references run (id),
    restore_point_id uuid not null,
    lease_id         uuid not null,
    primary key (run_id, restore_point_id)
);

-- Records a restore recreated under a new id, per backed-up policy and target org: a later restore of the same
-- records finds them here instead of creating them again, and lookups to them are rewritten to the new id.
create table restore_id_map (
    policy_id            uuid         not null,
    target_connection_id uuid         not null,
    backup_id            varchar(18)  not null,
    object_name          varchar(255) not null,
    target_id            varchar(18)  not null,
    run_id               uuid         not null,
    created_at           timestamptz  not null,
    primary key (policy_id, target_connection_id, backup_id)
);

-- One line per record a restore considered: what it did and what Salesforce answered.
create table restore_report_line (
    seq            bigserial,
    run_id         uuid         not null references run (id),
    object_name    varchar(255) not null,
    backup_id      varchar(18)  not null,
    task_id        uuid         not null,
    target_id      varchar(18),
    action         varchar(16)  not null,
    changed_fields text         not null default '',
    status         varchar(16)  not null,
    status_code    varchar(64),
    message        text,
    primary key (run_id, object_name, backup_id)
);
create index restore_report_line_order on restore_report_line (run_id, seq);
