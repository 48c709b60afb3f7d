package dev.sfbackup.storage.repository.service;

import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.format.RepositoryCoordination;
import dev.sfbackup.storage.repository.persistence.RepositoryLeases;
import dev.sfbackup.storage.repository.persistence.RepositoryLeases.Purpose;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One repository's coordination between storage-service instances, kept in PostgreSQL: an upload takes a STORE lease
 * and then looks for a GC lease (stepping back while there is one); garbage collection takes the GC lease and then
 * waits until no STORE lease is left. Each side writes its row before it looks for the other's, so at least one of two
 * racing writers sees the other. Leases are renewed while held and expire when their holder dies.
 */
final class LeasedCoordination implements RepositoryCoordination {

    private static final Logger LOG = Logger.getLogger(LeasedCoordination.class);
    private static final long POLL_MILLIS = 100;

    private final UUID repositoryId;
    private final RepositoryLeases leases;
    private final Clock clock;
    private final Duration ttl;
    private final Duration wait;
    private final ScheduledExecutorService renewals;

    LeasedCoordination(UUID repositoryId, RepositoryLeases leases, Clock clock, Duration ttl, Duration wait,
                       ScheduledExecutorService renewals) {
        this.repositoryId = repositoryId;
        this.leases = leases;
        this.clock = clock;
        this.ttl = ttl;
        this.wait = wait;
        this.renewals = renewals;
    }

    @Override
    public Hold shared() throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String holder = newHolder(Purpose.STORE);
            Instant now = clock.instant();
            leases.tryAcquire(repositoryId, Purpose.STORE, holder, now, now.plus(ttl));
            if (!leases.held(repositoryId, Purpose.GC, holder, clock.instant())) {
                return new LeaseHold(holder);
            }
            leases.release(repositoryId, holder);
            pause(deadline, "garbage collection of repository " + repositoryId + " by another instance");
        }
    }

    @Override
    public Hold exclusive() throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        String holder = newHolder(Purpose.GC);
        while (true) {
            Instant now = clock.instant();
            if (leases.tryAcquire(repositoryId, Purpose.GC, holder, now, now.plus(ttl))) {
                break;
            }
            pause(deadline, "garbage collection or erasure of repository " + repositoryId + " by another instance");
        }
        LeaseHold hold = new LeaseHold(holder);
        try {
            while (leases.held(repositoryId, Purpose.STORE, holder, clock.instant())) {
                pause(deadline, "uploads into repository " + repositoryId);
            }
            return hold;
        } catch (IOException | RuntimeException e) {
            hold.close();
            throw e;
        }
    }

    /** Takes the repository's CACHE_UPLOAD lease when no other instance holds it; empty otherwise. */
    java.util.Optional<Hold> tryCacheUpload() {
        String holder = newHolder(Purpose.CACHE_UPLOAD);
        Instant now = clock.instant();
        return leases.tryAcquire(repositoryId, Purpose.CACHE_UPLOAD, holder, now, now.plus(ttl))
                ? java.util.Optional.of(new LeaseHold(holder)) : java.util.Optional.empty();
    }

    @Override
    public long generation() {
        return leases.generation(repositoryId);
    }

    @Override
    public Instant firstSeenUnindexed(String packName, Instant now) {
        return leases.firstSeenUnindexed(repositoryId, packName, now);
    }

    @Override
    public void retainUnindexed(Set<String> stillUnindexed) {
        leases.retainUnindexed(repositoryId, stillUnindexed);
    }

    private static String newHolder(Purpose purpose) {
        return purpose + ":" + UUID.randomUUID();
    }

    private static void pause(long deadlineNanos, String waitingFor) throws IOException {
        if (System.nanoTime() > deadlineNanos) {
            throw new BackendException("gave up waiting for " + waitingFor);
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for " + waitingFor);
        }
    }

    /** A held lease, renewed at a third of its time to live until closed. */
    private final class LeaseHold implements Hold {

        private final String holder;
        private final ScheduledFuture<?> renewal;

        LeaseHold(String holder) {
            this.holder = holder;
            long period = Math.max(1, ttl.toMillis() / 3);
            this.renewal = renewals.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                if (!leases.renew(repositoryId, holder, clock.instant().plus(ttl))) {
                    LOG.warnf("lease %s on repository %s was lost (expired before it was renewed)", holder, repositoryId);
                }
            } catch (RuntimeException e) {
                LOG.warnf("cannot renew lease %s on repository %s: %s", holder, repositoryId, e.getMessage());
            }
        }

        @Override
        public long generation() {
            return leases.generation(repositoryId);
        }

        @Override
        public long advanceGeneration() {
            return leases.advanceGeneration(repositoryId);
        }

        @Override
        public void close() {
            renewal.cancel(false);
            leases.release(repositoryId, holder);
        }
    }
}
