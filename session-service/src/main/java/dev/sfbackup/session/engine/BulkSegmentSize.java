package dev.sfbackup.session.engine;

/** The Id-range segment size of a segmented Bulk read: quartered on each QUERY_TIMEOUT, within a floor and a count. */
final class BulkSegmentSize {

    private final int minimum;
    private final int maxTimeouts;
    private int records;
    private int timeouts;

    BulkSegmentSize(int records, int minimum, int maxTimeouts) {
        this.records = Math.max(records, minimum);
        this.minimum = minimum;
        this.maxTimeouts = maxTimeouts;
    }

    int records() {
        return records;
    }

    int timeouts() {
        return timeouts;
    }

    /** After a segment job's QUERY_TIMEOUT: quarters the size, or answers false when the floor or the count is reached. */
    boolean shrink() {
        if (records <= minimum || timeouts >= maxTimeouts) {
            return false;
        }
        timeouts++;
        records = Math.max(minimum, records / 4);
        return true;
    }
}
