-- What a restore's counters show (GET /api/v1/restores, the console), kept up to date by the statement that writes its
-- report lines, so reading them is one row instead of counting every line of the report.
create table restore_report_count (
    run_id    uuid   primary key references run (id),
    planned   bigint not null default 0,
    updated   bigint not null default 0,
    undeleted bigint not null default 0,
    recreated bigint not null default 0,
    unchanged bigint not null default 0,
    skipped   bigint not null default 0,
    failed    bigint not null default 0
);

insert into restore_report_count (run_id, planned, updated, undeleted, recreated, unchanged, skipped, failed)
select run_id, count(*),
    count(*) filter (where action = 'UPDATE' and status <> 'FAILED'),
    count(*) filter (where action = 'UNDELETE' and status <> 'FAILED'),
    count(*) filter (where action = 'RECREATE' and status <> 'FAILED'),
    count(*) filter (where action = 'UNCHANGED' and status <> 'FAILED'),
    count(*) filter (where action = 'SKIP'),
    count(*) filter (where status = 'FAILED')
from restore_report_line group by run_id;
