package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.StartRun;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastDaysTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void fourteenDaysOldestFirstEachWithItsWorstStatus() {
        List<RunView> runs = List.of(
                run("2026-03-15T02:00:00Z", SessionStatus.SUCCESS),
                run("2026-03-15T08:00:00Z", SessionStatus.FAILED),
                run("2026-03-14T02:00:00Z", SessionStatus.WARNING),
                run("2026-03-02T00:00:00Z", SessionStatus.SUCCESS), // the first day shown
                run("2026-03-01T23:59:59Z", SessionStatus.FAILED)); // the day before it
        List<DashboardPage.Day> days = DashboardPage.lastDays(runs, NOW);
        assertEquals(14, days.size());
        assertEquals(new DashboardPage.Day("2026-03-02", 1, "SUCCESS"), days.getFirst());
        assertEquals(new DashboardPage.Day("2026-03-14", 1, "WARNING"), days.get(12));
        assertEquals(new DashboardPage.Day("2026-03-15", 2, "FAILED"), days.get(13));
    }

    private static RunView run(String started, SessionStatus status) {
        return new RunView(UUID.randomUUID(), UUID.randomUUID(), BackupKind.INCREMENTAL, StartRun.Trigger.SCHEDULED, status,
                Instant.parse(started), Instant.parse(started).plusSeconds(60), null, List.of(), List.of());
    }
}
