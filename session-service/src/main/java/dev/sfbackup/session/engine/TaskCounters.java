package dev.sfbackup.session.engine;

/** A task's record counters as stored so far. */
public record TaskCounters(long read, long recordsNew, long changed, long deleted, long unchanged) {

    /** Records the task created, changed or deleted where it wrote them. */
    public long changes() {
        return recordsNew + changed + deleted;
    }

    public String describe() {
        return read + " read, " + recordsNew + " new, " + changed + " changed, " + deleted + " deleted, " + unchanged + " unchanged";
    }
}
