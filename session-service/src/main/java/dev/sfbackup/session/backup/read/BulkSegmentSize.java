package dev.sfbackup.session.backup.read;

/** The Id-range segment size of a segmented Bulk read: quartered on each QUERY_TIMEOUT, within a floor and a count. */
public final class BulkSegmentSize {

    private final int minimum;
    private final int maxTimeouts;
    private int records;
    private int timeouts;

    public BulkSegmentSize(int records, int minimum, int maxTimeouts) {
        this.records = Math.max(records, minimum);
        this.minimum = minimum;
        this.maxTimeouts = maxTimeouts;
    }

    public int records() {
        return records;
    }

    public int timeouts() {
        return timeouts;
    }

    /** After a segment job's QUERY_TIMEOUT: quarters the size, or answers false when the floor or the count is reached. */
    public boolean shrink() {
        if (records <= minimum || timeouts >= maxTimeouts) {
            return false;
        }
        timeouts++;
        records = Math.max(minimum, records / 4);
        return true;
    }
}
