-- A task that finished but some of its items failed (a restore's records Salesforce rejected): it ends WARNING and
-- its session rolls up WARNING, as a task that completed with errors (DESIGN.md), not SUCCESS.
alter table task add column completed_with_errors boolean not null default false;
