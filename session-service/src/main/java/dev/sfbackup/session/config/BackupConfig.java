package dev.sfbackup.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** session-service configuration: the engine's tuning. */
@ConfigMapping(prefix = "backup")
public interface BackupConfig {

    Engine engine();

    Restore restore();

    Anomaly anomaly();

    Salesforce salesforce();

    /** How ended runs are reported (alerts through policy-service, metrics). */
    @WithDefault("2s")
    String reportEvery();

    /**
     * When an incremental run's object counts are unusual: deletions above deletedShare of the object's records, or new
     * and changed records above changeFactor times their mean over the policy's last historyRuns runs (at least
     * minHistoryRuns of them); counts below minRecords are never unusual.
     */
    interface Anomaly {

        @WithDefault("0.05")
        double deletedShare();

        @WithDefault("10")
        double changeFactor();

        @WithDefault("10")
        int historyRuns();

        @WithDefault("3")
        int minHistoryRuns();

        @WithDefault("10")
        long minRecords();
    }

    /** How calls to an org wait: each request until its answer starts, an upload its size at the slowest rate on top. */
    interface Salesforce {

        @WithDefault("PT2M")
        Duration requestTimeout();

        /** 256 KiB/s: a 2 GB body may take about two hours and a quarter before it is cut. */
        @WithDefault("262144")
        long minUploadBytesPerSecond();

        /**
         * The wait before the second attempt of a call the org failed transiently (QUERY_TIMEOUT, 5xx), doubled before
         * each further one (of five attempts in all, 30 s at most).
         */
        @WithDefault("PT1S")
        Duration retryBackoff();
    }

    /** How restores write into the target org. */
    interface Restore {

        /**
         * A task writes the records of its object through Bulk API 2.0 ingest jobs when it has at least this many to
         * create or to update at once; fewer go through sObject Collections, 200 a call.
         */
        @WithDefault("2000")
        int bulkThreshold();

        /**
         * Test only: the object whose first create answer makes this instance halt at once, before the id map is
         * written (the kill the insert intents guard against). Never set outside tests.
         */
        java.util.Optional<String> testHaltAfterCreateOf();
    }

    /** How this session-service instance runs backup tasks. */
    interface Engine {

        /** Whether this instance claims and runs tasks (off: it only serves the API). */
        @WithDefault("true")
        boolean enabled();

        /** How often the engine looks for claimable and abandoned tasks (a Quarkus scheduler interval). */
        @WithDefault("2s")
        String pollEvery();

        /**
         * Whether this instance listens for the wake-ups other instances send when a run's tasks become claimable
         * (PostgreSQL LISTEN on a connection of its own), so it starts them at once instead of at its next poll. Off
         * where LISTEN cannot work, e.g. behind a pooler in transaction mode (PgBouncer): the poll alone then finds
         * every task.
         */
        @WithDefault("true")
        boolean wakeUpListener();

        /**
         * How long a claim that finds a claimable run's row held by another instance (claiming at the same wake-up, or
         * ending a task) keeps trying before it leaves the run to the next poll; such a row is held for milliseconds.
         */
        @WithDefault("PT1S")
        Duration busyRunPatience();

        /** How often this instance renews the heartbeat of the tasks it runs. */
        @WithDefault("5s")
        String heartbeatEvery();

        /** How often the watchdog looks for idle sessions. */
        @WithDefault("10s")
        String watchdogEvery();

        /** Names this instance in claimed_by; a random id when absent, so a restarted process is a new claimant. */
        Optional<String> instanceId();

        /** Tasks this instance runs at once, over all runs (each run is further bounded by its policy's parallelism). */
        @WithDefault("8")
        int workers();

        /**
         * How long an engine instance's tasks of a run reuse the policy and credentials it read for the run (see
         * RunPolicies) before reading them from policy-service again.
         */
        @WithDefault("PT1M")
        Duration runPolicyReuse();

        /** A RUNNING task whose heartbeat is older than this is considered abandoned and is claimed again. */
        @WithDefault("PT1M")
        Duration staleAfter();

        /**
         * How long a discard of an unfinished restore point that storage-service could not take waits before it is
         * sent again; each further wait is twice the one before (5 minutes at most).
         */
        @WithDefault("PT5S")
        Duration discardRetryAfter();

        /** Records per batch sent to storage-service (at most; see batchBytes). */
        @WithDefault("5000")
        int batchSize();

        /**
         * A batch is sent once it holds this many bytes of NDJSON, even with fewer than batchSize records: records
         * with long text fields (up to 131,072 characters each) must not make a batch that storage-service refuses
         * (it takes at most 128 MiB) or that fills the memory.
         */
        @WithDefault("8388608")
        int batchBytes();

        /** Deleted record ids per storage-service call (storage takes at most 100,000 by default). */
        @WithDefault("10000")
        int deletionsPerCall();

        /**
         * Batch uploads one data task runs at once while it reads on; twice as many batches (each held in memory) may
         * wait for their acknowledgement, which goes in sequence order.
         */
        @WithDefault("3")
        int uploadConcurrency();

        /** Incremental reads start this long before the stored watermark, to survive clock skew. */
        @WithDefault("PT5M")
        Duration incrementalOverlap();

        /** Objects with at least this many records are read with Bulk API 2.0, smaller ones with REST query paging. */
        @WithDefault("50000")
        long bulkThreshold();

        /** Records per Bulk API 2.0 results page; quartered after a QUERY_TIMEOUT on a results download. */
        @WithDefault("50000")
        int bulkMaxRecords();

        /**
         * When a Bulk API 2.0 query job over a whole object fails with QUERY_TIMEOUT, the object is read again in jobs
         * over Id ranges of at most this many records; a range whose job times out too is quartered.
         */
        @WithDefault("500000")
        int bulkSegmentRecords();

        /** The smallest Id-range segment; a segment of this size that times out ends the task in ERROR. */
        @WithDefault("1000")
        int bulkSegmentMinRecords();

        /** How many segment jobs of one read may time out (each quartering the segments) before the task gives up. */
        @WithDefault("5")
        int bulkSegmentTimeoutRetries();

        /**
         * How long one file or metadata upload waits while storage answers 503 with Retry-After (its repository is away
         * and storage waits out the backup cache's reconnect window, default PT30M, before switching to the cache).
         */
        @WithDefault("PT45M")
        Duration repositoryOutageMaxWait();

        /** Polling interval of Bulk API 2.0 query jobs. */
        @WithDefault("PT1S")
        Duration bulkPollInterval();
    }
}
