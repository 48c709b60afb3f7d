-- A dry run's report line keeps each field's value in the org and the value the restore would write:
-- {"Field": {"before": "…", "after": "…"}}, merged by field when a second pass sees the record again.
alter table restore_report_line add column field_changes jsonb;
