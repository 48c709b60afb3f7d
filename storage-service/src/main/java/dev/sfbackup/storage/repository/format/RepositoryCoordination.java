package dev.sfbackup.storage.repository.format;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the writers of one repository agree on across processes: uploads hold a shared hold, garbage collection and
 * erasure an exclusive one; the index generation tells a writer that another one removed packs since it read the
 * index; the first time an unindexed pack was seen starts its grace period. {@link #inProcess()} is enough when one
 * process writes the repository (tests, benches); storage-service keeps it in PostgreSQL.
 */
public interface RepositoryCoordination {

    /** A hold on the repository, renewed by its holder until closed. */
    interface Hold extends AutoCloseable {

        /** The repository's index generation while this hold is held (it cannot change under a shared hold). */
        long generation();

        /** Exclusive holds only: records that the index files changed; returns the new generation. */
        long advanceGeneration() throws IOException;

        @Override
        void close();
    }

    /** Waits until no exclusive hold is held, then holds the repository shared (an upload). */
    Hold shared() throws IOException;

    /** Waits until no other hold is held, then holds the repository exclusively (garbage collection, erasure). */
    Hold exclusive() throws IOException;

    /** The repository's index generation now. */
    long generation() throws IOException;

    /** When {@code packName} was first seen unindexed (now if never before). */
    Instant firstSeenUnindexed(String packName, Instant now) throws IOException;

    /** Forgets every unindexed pack not in {@code stillUnindexed} (deleted, or indexed since). */
    void retainUnindexed(Set<String> stillUnindexed) throws IOException;

    /** One process alone writes the repository: its in-process locks suffice. */
    static RepositoryCoordination inProcess() {
        Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
        Hold none = new Hold() {
            @Override
            public long generation() {
                return 0;
            }

            @Override
            public long advanceGeneration() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
        return new RepositoryCoordination() {
            @Override
            public Hold shared() {
                return none;
            }

            @Override
            public Hold exclusive() {
                return none;
            }

            @Override
            public long generation() {
                return 0;
            }

            @Override
            public Instant firstSeenUnindexed(String packName, Instant now) {
                return firstSeen.computeIfAbsent(packName, name -> now);
            }

            @Override
            public void retainUnindexed(Set<String> stillUnindexed) {
                firstSeen.keySet().retainAll(stillUnindexed);
            }
        };
    }
}
