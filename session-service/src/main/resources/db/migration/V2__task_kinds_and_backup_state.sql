-- Sessions and tasks carry every kind of work (backup now, restore next), so their tables lose the backup_ prefix.
-- A task names its kind (the executor that runs it) and its stage (a task waits until every task of an earlier stage
-- of its session has finished). What only backup tasks need moves to backup_task_state, which backup owns.
alter table backup_session rename to session;
alter index backup_session_pkey rename to session_pkey;
alter index backup_session_run rename to session_run;
alter index backup_session_policy_created rename to session_policy_created;
alter index backup_session_active rename to session_active;
-- the watchdog measures inactivity by progress of any kind (records read, written or uploaded), not by uploads only
alter table session rename column last_upload_at to last_progress_at;

alter table backup_task rename to task;
alter index backup_task_pkey rename to task_pkey;
alter index backup_task_session rename to task_session;
alter index backup_task_claimable rename to task_claimable;
alter index backup_task_running rename to task_running;
alter table task rename constraint backup_task_session_id_fkey to task_session_id_fkey;
alter table task rename constraint backup_task_run_id_fkey to task_run_id_fkey;
alter table session rename constraint backup_session_run_id_fkey to session_run_id_fkey;

alter table task add column kind varchar(64);
-- before this version a session held one task of its type's kind
update task t set kind = case s.type when 'DATA' then 'BACKUP_DATA' when 'FILE' then 'BACKUP_FILES' else 'BACKUP_METADATA' end
from session s where s.id = t.session_id;
alter table task alter column kind set not null;
alter table task add column stage integer not null default 0;
create index task_unfinished_stage on task (session_id, stage) where status in ('PENDING', 'RUNNING');

-- Where a backup task writes and how far it got: the open restore point, the last batch storage acknowledged (a resumed
-- task continues after it) and the incremental field it read by.
create table backup_task_state (
    task_id          uuid primary key references task (id),
    restore_point_id uuid,
    point_kind       varchar(16),
    last_batch_seq   integer      not null default 0,
    last_record_id   varchar(64),
    watermark_field  varchar(255)
);
insert into backup_task_state (task_id, restore_point_id, point_kind, last_batch_seq, last_record_id, watermark_field)
select id, restore_point_id, point_kind, last_batch_seq, last_record_id, watermark_field from task;
-- watermark_value was never written: storage-service keeps the watermarks
alter table task drop column restore_point_id, drop column point_kind, drop column last_batch_seq,
    drop column last_record_id, drop column watermark_field, drop column watermark_value;

-- Object describes read by a METADATA session's describe tasks, waiting for its restore-point task to store them
-- (in one restore point) and then deleted.
create table backup_metadata_package (
    session_id uuid         not null references session (id),
    name       varchar(300) not null,
    body       bytea        not null,
    staged_at  timestamptz  not null,
    primary key (session_id, name)
);
