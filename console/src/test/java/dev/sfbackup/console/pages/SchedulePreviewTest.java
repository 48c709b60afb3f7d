package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulePreviewTest {

    private static final Instant NOW = Instant.parse("2026-03-27T12:00:00Z");

    @Test
    void theNextFiveRunsInTheSchedulesTimeZoneAcrossADaylightSavingChange() {
        SchedulePreview preview = SchedulePreview.of("0 30 2 * * ?", "Europe/Paris", NOW);
        assertNull(preview.error());
        // 2026-03-29 02:30 does not exist in Paris (clocks go from 02:00 to 03:00): the scheduler's library skips that
        // day, and the preview shows it, so an administrator sees the skipped night before it happens
        assertEquals(List.of("Sat 2026-03-28 02:30:00 CET", "Mon 2026-03-30 02:30:00 CEST", "Tue 2026-03-31 02:30:00 CEST",
                "Wed 2026-04-01 02:30:00 CEST", "Thu 2026-04-02 02:30:00 CEST"), preview.runs());
    }

    @Test
    void withoutScheduleABadCronOrAnUnknownZoneThePreviewSaysWhy() {
        assertEquals("no schedule: runs only when started by hand", SchedulePreview.of(" ", "UTC", NOW).error());
        assertTrue(SchedulePreview.of("every night", "UTC", NOW).error().startsWith("not a Quartz cron expression"));
        assertTrue(SchedulePreview.of("0 0 2 * * ?", "Mars/Olympus", NOW).error().startsWith("unknown time zone"));
        assertEquals("this schedule never fires again", SchedulePreview.of("0 0 0 1 1 ? 2020", "UTC", NOW).error());
    }
}
