package dev.sfbackup.session.restore.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreCounters;
import dev.sfbackup.api.restore.RestoreReportLine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The counters a restore shows are kept by the statements writing its report: after first passes, second passes,
 * resumed attempts and failures they equal a count of the report's lines, against the real database.
 */
@QuarkusTest
class RestoreReportTest {

    @Inject
    RestoreReport report;

    @Inject
    EntityManager em;

    @Test
    void countersFollowEveryRewriteOfALineAsCountingTheLinesWould() {
        UUID run = restoreRun();
        UUID task = UUID.randomUUID();
        report.write(run, task, List.of(line("A", RestoreAction.RECREATE, "OK"), line("B", RestoreAction.UNCHANGED, "OK"),
                line("C", RestoreAction.UPDATE, "FAILED"), line("D", RestoreAction.SKIP, "OK"), line("E", RestoreAction.UNDELETE, "OK")));
        assertEquals(new RestoreCounters(5, 0, 1, 1, 1, 1, 1, 0), report.counters(run));

        // the second pass writes self-lookups: a recreated record stays RECREATE, an unchanged one becomes UPDATE, a failed one stays FAILED
        report.write(run, task, List.of(line("A", RestoreAction.UPDATE, "OK"), line("B", RestoreAction.UPDATE, "OK"),
                line("C", RestoreAction.UPDATE, "OK")));
        assertEquals(new RestoreCounters(5, 1, 1, 1, 0, 1, 1, 0), report.counters(run));
        assertEquals(countedFromTheLines(run), report.counters(run));

        // a resumed attempt goes over the object again: what it wrote compares UNCHANGED, a new record is added, and a
        // record met twice in one write is counted once
        report.write(run, task, List.of(line("A", RestoreAction.UNCHANGED, "OK"), line("B", RestoreAction.UNCHANGED, "OK"),
                line("F", RestoreAction.RECREATE, "FAILED"), line("F", RestoreAction.RECREATE, "OK"), line("G", RestoreAction.UNCHANGED, "OK")));
        assertEquals(new RestoreCounters(7, 1, 1, 1, 1, 1, 2, 0), report.counters(run));
        assertEquals(countedFromTheLines(run), report.counters(run));
    }

    @Test
    void aRestoreWithoutLinesCountsZero() {
        assertEquals(new RestoreCounters(0, 0, 0, 0, 0, 0, 0, 0), report.counters(restoreRun()));
    }

    private static RestoreReportLine line(String backupId, RestoreAction action, String status) {
        return new RestoreReportLine("Account", "001" + backupId, null, action, action == RestoreAction.UPDATE ? List.of("Name") : List.of(),
                status, status.equals("FAILED") ? "UNABLE_TO_LOCK_ROW" : null, null, List.of());
    }

    @Transactional
    UUID restoreRun() {
        UUID run = UUID.randomUUID();
        em.createNativeQuery("""
                insert into run (id, policy_id, kind, trigger, status, parallelism, api_budget_percent, inactivity_timeout_millis,
                    created_at, started_at, ended_at)
                values (:id, :policy, 'RESTORE', 'MANUAL', 'SUCCESS', 1, 100, 1000, now(), now(), now())
                """).setParameter("id", run).setParameter("policy", UUID.randomUUID()).executeUpdate();
        return run;
    }

    /** What GET /restores/{id} showed before the counters were kept: a count over every line. */
    @Transactional
    RestoreCounters countedFromTheLines(UUID run) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*),
                    count(*) filter (where action = 'UPDATE' and status <> 'FAILED'),
                    count(*) filter (where action = 'UNDELETE' and status <> 'FAILED'),
                    count(*) filter (where action = 'RECREATE' and status <> 'FAILED'),
                    count(*) filter (where action = 'UNCHANGED' and status <> 'FAILED'),
                    count(*) filter (where action = 'SKIP'),
                    count(*) filter (where status = 'FAILED'),
                    0
                from restore_report_line where run_id = :run
                """).setParameter("run", run).getSingleResult();
        long[] n = Arrays.stream(row).mapToLong(value -> ((Number) value).longValue()).toArray();
        return new RestoreCounters(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }
}
