package dev.sfbackup.session.restore.execute;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The API requests one restore task spent since it last recorded progress; counted from the task's thread and from the
 * threads of its {@link WriteBehind} writes and its {@link PassReads} snapshot.
 */
final class ApiCalls {

    private final AtomicLong spent = new AtomicLong();

    void add(long calls) {
        spent.addAndGet(calls);
    }

    /** The calls spent since the last take, starting again from zero. */
    long take() {
        return spent.getAndSet(0);
    }

    static long callsFor(int records, int perCall) {
        return (records + perCall - 1) / perCall;
    }
}
