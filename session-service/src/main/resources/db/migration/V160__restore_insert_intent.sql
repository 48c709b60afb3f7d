-- A restore's intent to create records: written before the create is sent and removed with the id map rows
-- of its answer, in one transaction. An intent still here when a task (resumed after a kill) meets its record again
-- means the org may hold what the killed attempt created: the task looks for it there before creating it once more.
create table restore_insert_intent (
    policy_id            uuid         not null,
    target_connection_id uuid         not null,
    backup_id            varchar(18)  not null,
    object_name          varchar(255) not null,
    run_id               uuid         not null,
    sent_at              timestamptz  not null,
    primary key (policy_id, target_connection_id, backup_id)
);
