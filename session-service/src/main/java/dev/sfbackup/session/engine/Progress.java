package dev.sfbackup.session.engine;

/**
 * What a task achieved since it last recorded progress: records read, what became of them (new, changed, deleted or
 * unchanged where they were written), bytes moved and the API requests spent. Added to the task's counters.
 */
public record Progress(long read, long recordsNew, long changed, long deleted, long unchanged, long bytes, long apiCalls) {

    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, 0, 0);

    /** Requests spent with nothing to show for them (a failed job, an empty look-up). */
    public static Progress apiCalls(long calls) {
        return new Progress(0, 0, 0, 0, 0, 0, calls);
    }

    /**
     * Whether the task moved: anything read, written or uploaded. API requests alone are not progress (a task that
     * retries a failing call spends them too), so they do not keep the watchdog away.
     */
    public boolean moved() {
        return read > 0 || recordsNew > 0 || changed > 0 || deleted > 0 || unchanged > 0 || bytes > 0;
    }
}
