package dev.sfbackup.session.engine;

/** A task's counters as stored so far. */
public record TaskCounters(long read, long recordsNew, long changed, long deleted, long unchanged) {

    long changes() {
        return recordsNew + changed + deleted;
    }

    String describe() {
        return read + " read, " + recordsNew + " new, " + changed + " changed, " + deleted + " deleted, " + unchanged + " unchanged";
    }
}
