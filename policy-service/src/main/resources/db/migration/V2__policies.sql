-- A backup policy. Lists of the scope are JSON arrays; field_exclusions is a JSON object {Object: [field, ...]}.
create table policy (
    id                        uuid primary key,
    name                      varchar(200) not null,
    enabled                   boolean      not null,
    connection_id             uuid         not null references connection (id),
    repository_id             uuid,
    scope_objects             jsonb        not null,
    scope_exclude             jsonb        not null,
    auto_add_new_objects      boolean      not null,
    auto_add_new_fields       boolean      not null,
    include_files             boolean      not null,
    include_metadata          boolean      not null,
    field_exclusions          jsonb        not null,
    schedule_cron             varchar(200),
    schedule_time_zone        varchar(64),
    retention_days            integer      not null check (retention_days >= 1),
    large_object_threshold    bigint       not null check (large_object_threshold >= 1),
    inactivity_timeout_millis bigint       not null check (inactivity_timeout_millis >= 1000),
    parallelism               integer      not null check (parallelism between 1 and 64),
    api_budget_percent        integer      not null check (api_budget_percent between 1 and 100),
    version                   bigint       not null,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    check ((schedule_cron is null) = (schedule_time_zone is null))
);
create unique index policy_name_unique on policy (lower(name));
create index policy_connection on policy (connection_id);
