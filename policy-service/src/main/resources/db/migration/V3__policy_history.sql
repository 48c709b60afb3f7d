-- What happened to a policy, oldest first; scope_extension holds a ScopeExtensionResult for SCOPE_EXTENDED entries.
create table policy_history (
    id              bigserial primary key,
    policy_id       uuid        not null references policy (id) on delete cascade,
    at              timestamptz not null,
    change          varchar(32) not null,
    version         bigint      not null,
    reason          text,
    scope_extension jsonb
);
create index policy_history_policy on policy_history (policy_id, id);
