package dev.sfbackup.session.engine;

import java.time.Duration;

/** Pauses between retries that wait on another party: each twice as long as the one before, up to a longest one. */
final class Backoff {

    private final Duration longest;
    private Duration next;

    Backoff(Duration first, Duration longest) {
        this.next = first;
        this.longest = longest;
    }

    /** Waits the next pause and doubles the one after; false when an interrupt (a shutdown) ended the wait. */
    boolean pause() {
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) < 0 ? doubled : longest;
        return true;
    }
}
