package dev.sfbackup.api.alert;

/** What an alert is about; a policy subscribes its channels to some of these. */
public enum AlertOutcome {
    /** a run ended FAILED (also a session the watchdog ended) */
    FAILED,
    /** a run ended WARNING */
    WARNING,
    /** a run ended SUCCESS */
    SUCCESS,
    /** a schedule fired but no run started (the previous run still running, a service down) */
    MISSED_SCHEDULE,
    /** an incremental run saw unusual deletions or changes of an object */
    ANOMALY,
    /** restore points waited in a repository's backup cache longer than the threshold (reported by storage-service) */
    CACHE_WAITING,
    /** a repository verify found missing or corrupt packs or chunks (reported by storage-service) */
    VERIFY_DAMAGE
}
