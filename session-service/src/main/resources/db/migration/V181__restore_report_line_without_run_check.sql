-- A restore writes one report line per record it considers, only for its own run while it runs, and runs are never
-- deleted: the foreign key's check on every line doubled the cost of writing them (5,000 lines: 169 ms with it, 81 ms
-- without, on the RestoreBench database), so the reference is kept by the code that writes lines, not checked per row.
alter table restore_report_line drop constraint restore_report_line_run_id_fkey;
