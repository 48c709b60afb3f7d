package dev.sfbackup.session.backup.upload;

import dev.sfbackup.session.client.RemoteRetryLater;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.TaskInterrupted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Repeats an upload that storage-service answered with 503 and Retry-After (its repository is unreachable and it waits
 * out the backup cache's reconnect window before switching the point to the cache), waiting as long as storage asks,
 * bounded by {@code backup.engine.repository-outage-max-wait}. The wait passes in slices so that an operator stop (or a
 * lost claim) ends it within a slice.
 */
@ApplicationScoped
public class ReconnectWait {

    /** How a wait passes; tests record it instead of sleeping. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration SLICE = Duration.ofSeconds(10);

    private final Duration maxWait;
    private final Pause pause;

    @Inject
    public ReconnectWait(BackupConfig config) {
        this(config.engine().repositoryOutageMaxWait(), duration -> Thread.sleep(duration));
    }

    ReconnectWait(Duration maxWait, Pause pause) {
        this.maxWait = maxWait;
        this.pause = pause;
    }

    /**
     * Runs {@code attempt} until it succeeds; {@code onFirstWait} hears why the upload waits, once; {@code stopReason}
     * is asked after every slice of the wait and ends it with {@link TaskInterrupted} when it answers.
     */
    public <T> T upload(Supplier<T> attempt, Consumer<String> onFirstWait, Supplier<Optional<String>> stopReason) {
        Duration waited = Duration.ZERO;
        while (true) {
            try {
                return attempt.get();
            } catch (RemoteRetryLater later) {
                Duration left = maxWait.minus(waited);
                if (!left.isPositive()) {
                    throw new IllegalStateException("gave up after waiting " + waited + " (repository-outage-max-wait) for storage: "
                            + later.getMessage(), later);
                }
                Duration wait = min(max(later.retryAfter(), Duration.ofSeconds(1)), left);
                if (waited.isZero()) {
                    onFirstWait.accept("waiting up to " + maxWait + " for the repository, next try in " + wait.toSeconds() + " s: "
                            + later.getMessage());
                }
                sleep(wait, stopReason);
                waited = waited.plus(wait);
            }
        }
    }

    private void sleep(Duration wait, Supplier<Optional<String>> stopReason) {
        Duration left = wait;
        while (left.isPositive()) {
            Duration slice = min(left, SLICE);
            try {
                pause.sleep(slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskInterrupted("interrupted while waiting for the repository");
            }
            left = left.minus(slice);
            Optional<String> stop = stopReason.get();
            if (stop.isPresent()) {
                throw new TaskInterrupted(stop.get());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
