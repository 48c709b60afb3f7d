package dev.sfbackup.session.restore.execute;

/** The API requests one restore task spent since it last recorded progress. */
final class ApiCalls {

    private long spent;

    void add(long calls) {
        spent += calls;
    }

    /** The calls spent since the last take, starting again from zero. */
    long take() {
        long taken = spent;
        spent = 0;
        return taken;
    }

    static long callsFor(int records, int perCall) {
        return (records + perCall - 1) / perCall;
    }
}
