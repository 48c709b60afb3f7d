package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.audit.AuditEventView;
import dev.sfbackup.api.audit.AuditOutcome;
import dev.sfbackup.api.audit.AuditPage;
import dev.sfbackup.console.api.Service;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergedAuditTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** A service's newest {@code asked} entries of its trail, entries at the given seconds after T0 (newest first). */
    private static AuditPage trail(int asked, int... seconds) {
        List<AuditEventView> items = new ArrayList<>();
        for (int i = 0; i < seconds.length && i < asked; i++) {
            items.add(new AuditEventView(seconds.length - i, T0.plusSeconds(seconds[i]), "sub", "admin", null, "admin",
                    "a" + seconds[i], "POST", "/x", AuditOutcome.SUCCESS, 200, null, null));
        }
        return new AuditPage(items, 0, asked, seconds.length);
    }

    @Test
    void theThreeTrailsAreOneNewestFirstAndEachPageIsCutFromEnoughOfEach() {
        int size = 2;
        List<Integer> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            int asked = MergedAudit.needed(page, size);
            MergedAudit.Page merged = MergedAudit.merge(Map.of(
                    Service.POLICY, trail(asked, 9, 4, 1),
                    Service.SESSION, trail(asked, 8, 7, 6, 5),
                    Service.STORAGE, trail(asked, 3)), page, size);
            assertEquals(8, merged.total());
            merged.entries().forEach(e -> seen.add((int) (e.event().at().getEpochSecond() - T0.getEpochSecond())));
            assertEquals(page < 3, merged.hasNext(), "page " + page);
        }
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 1), seen, "every entry once, newest first, across pages");
    }

    @Test
    void eachEntrySaysWhichServiceRecordedIt() {
        MergedAudit.Page merged = MergedAudit.merge(Map.of(Service.STORAGE, trail(50, 3)), 0, 50);
        assertEquals("storage-service", merged.entries().getFirst().service());
        assertFalse(merged.hasNext());
        assertTrue(MergedAudit.merge(Map.of(), 0, 50).entries().isEmpty());
    }
}
