package dev.sfbackup.session.backup.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.RemoteRetryLater;
import dev.sfbackup.session.engine.TaskInterrupted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReconnectWaitTest {

    private static final Supplier<Optional<String>> NEVER_STOPPED = Optional::empty;

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    @Test
    void anUploadWaitsAsLongAsStorageAsksThenSucceeds() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(45), waits::add);
        AtomicInteger attempts = new AtomicInteger();
        String result = wait.upload(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw later(attempts.get() == 1 ? Duration.ofMinutes(29) : Duration.ofSeconds(45));
            }
            return "stored in the cache";
        }, notices::add, NEVER_STOPPED);
        assertEquals("stored in the cache", result);
        assertEquals(Duration.ofMinutes(29).plusSeconds(45), total(), "the reconnect window storage reported is waited out");
        assertTrue(waits.stream().allMatch(slice -> slice.compareTo(ReconnectWait.SLICE) <= 0), "the wait passes in slices: " + waits);
        assertEquals(1, notices.size(), "the session log hears of the wait once: " + notices);
        assertTrue(notices.getFirst().contains("next try in 1740 s"), notices.getFirst());
    }

    @Test
    void waitingIsBoundedAndThenTheUploadFailsWithTheReason() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(10), waits::add);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> wait.upload(() -> { throw later(Duration.ofMinutes(30)); }, notices::add, NEVER_STOPPED));
        assertEquals(Duration.ofMinutes(10), total(), "never longer than repository-outage-max-wait in all");
        assertTrue(failure.getMessage().contains("gave up after waiting PT10M"), failure.getMessage());
    }

    @Test
    void anOperatorStopEndsTheWaitWithinASlice() {
        ReconnectWait wait = new ReconnectWait(Duration.ofMinutes(45), waits::add);
        TaskInterrupted stopped = assertThrows(TaskInterrupted.class, () -> wait.upload(() -> { throw later(Duration.ofMinutes(30)); },
                notices::add, () -> waits.size() == 3 ? Optional.of("stopped by an operator") : Optional.empty()));
        assertEquals("stopped by an operator", stopped.getMessage());
        assertEquals(ReconnectWait.SLICE.multipliedBy(3), total());
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
        }, notices::add, NEVER_STOPPED));
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
        assertThrows(RemoteCallRejected.class, () -> wait.upload(() -> {
            throw new RemoteCallRejected("storage-service", 409, "no");
        }, notices::add, NEVER_STOPPED));
        assertEquals(1, waits.size(), "a rejection is not waited on");
    }

    private Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static RemoteRetryLater later(Duration retryAfter) {
        return new RemoteRetryLater("storage-service", retryAfter, "repository 'share' is unreachable");
    }
}
