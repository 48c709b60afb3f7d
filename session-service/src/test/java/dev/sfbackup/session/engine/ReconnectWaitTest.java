package dev.sfbackup.session.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.RemoteRetryLater;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconnectWaitTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    @Test
    void anUploadWaitsAsLongAsStorageAsksThenSucceeds() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(45), waits::add);
        AtomicInteger attempts = new AtomicInteger();
        String result = wait.upload(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw later(attempts.get() == 1 ? Duration.ofMinutes(29) : Duration.ofSeconds(40));
            }
            return "stored in the cache";
        }, notices::add);
        assertEquals("stored in the cache", result);
        assertEquals(List.of(Duration.ofMinutes(29), Duration.ofSeconds(40)), waits, "the reconnect window storage reported is waited out");
        assertEquals(1, notices.size(), "the session log hears of the wait once: " + notices);
        assertTrue(notices.getFirst().contains("next try in 1740 s"), notices.getFirst());
    }

    @Test
    void waitingIsBoundedAndThenTheUploadFailsWithTheReason() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(10), waits::add);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> wait.upload(() -> { throw later(Duration.ofMinutes(30)); }, notices::add));
        assertEquals(List.of(Duration.ofMinutes(10)), waits, "never longer than repository-outage-max-wait in all");
        assertTrue(failure.getMessage().contains("gave up after waiting PT10M"), failure.getMessage());
    }

    @Test
    void aZeroRetryAfterStillPausesASecondAndOtherErrorsAreNotRetried() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(10), waits::add);
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(2, wait.upload(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw later(Duration.ZERO);
            }
            return attempts.get();
        }, notices::add));
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertThrows(RemoteCallRejected.class, () -> wait.upload(() -> {
            throw new RemoteCallRejected("storage-service", 409, "no");
        }, notices::add));
        assertEquals(1, waits.size(), "a rejection is not waited on");
    }

    private static RemoteRetryLater later(Duration retryAfter) {
        return new RemoteRetryLater("storage-service", retryAfter, "repository 'share' is unreachable");
    }
}
