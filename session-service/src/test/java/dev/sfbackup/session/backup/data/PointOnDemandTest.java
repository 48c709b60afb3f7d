package dev.sfbackup.session.backup.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PointOnDemandTest {

    /** Uploads in flight wait for the first one to open the point; when that fails, they fail with it. */
    @Test
    void anOpenThatFailedIsNotTriedAgainAndEveryLaterUseGetsItsFailure() {
        AtomicInteger opens = new AtomicInteger();
        IllegalStateException unreachable = new IllegalStateException("storage-service unreachable");
        PointOnDemand point = PointOnDemand.onFirstUse(() -> {
            opens.incrementAndGet();
            throw unreachable;
        });

        assertSame(unreachable, assertThrows(IllegalStateException.class, point::get));
        assertSame(unreachable, assertThrows(IllegalStateException.class, point::get));

        assertEquals(1, opens.get());
        assertTrue(point.ifOpen().isEmpty());
    }
}
