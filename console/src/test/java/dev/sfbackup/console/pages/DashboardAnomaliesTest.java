package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.StartRun;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DashboardAnomaliesTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final PolicyView POLICY = new PolicyView(UUID.randomUUID(), "nightly", true, UUID.randomUUID(), null,
            null, null, 30, null, 1);
    private static final RunAnomaly DELETIONS = new RunAnomaly("Account", "DELETIONS", 40, 100, "40 of 100 Account records deleted");
    private static final RunAnomaly CHANGES = new RunAnomaly("Contact", "CHANGES", 500, 10, "500 Contact records new or changed");

    @Test
    void everyAnomalyOfTheLastFourteenDaysIsARowWithItsRun() {
        RunView recent = run("2026-03-14T02:00:00Z", List.of(DELETIONS, CHANGES));
        RunView quiet = run("2026-03-13T02:00:00Z", List.of());
        RunView old = run("2026-02-28T02:00:00Z", List.of(DELETIONS));
        List<DashboardPage.AnomalyRow> rows = DashboardPage.anomalies(POLICY, List.of(recent, quiet, old), NOW);
        assertEquals(List.of(DELETIONS, CHANGES), rows.stream().map(DashboardPage.AnomalyRow::anomaly).toList());
        assertEquals(List.of(recent, recent), rows.stream().map(DashboardPage.AnomalyRow::run).toList());
    }

    @Test
    void aRunWithoutAnomaliesOrNotStartedYetHasNone() {
        RunView pending = new RunView(UUID.randomUUID(), POLICY.id(), BackupKind.INCREMENTAL, StartRun.Trigger.MANUAL,
                SessionStatus.PENDING, null, null, null, List.of(), null);
        assertEquals(List.of(), DashboardPage.anomalies(POLICY, List.of(pending), NOW));
    }

    private static RunView run(String started, List<RunAnomaly> anomalies) {
        return new RunView(UUID.randomUUID(), POLICY.id(), BackupKind.INCREMENTAL, StartRun.Trigger.SCHEDULED, SessionStatus.SUCCESS,
                Instant.parse(started), Instant.parse(started).plusSeconds(60), null, List.of(), anomalies);
    }
}
