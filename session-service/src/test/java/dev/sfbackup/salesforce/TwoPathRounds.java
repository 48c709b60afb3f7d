package dev.sfbackup.salesforce;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Times two read paths that must write the same NDJSON, alternately for six rounds, in the process's CPU time (garbage
 * collection included); prints each round and keeps the fastest of each path, the least disturbed on a shared machine.
 * Fails when the two paths' last outputs differ.
 */
final class TwoPathRounds {

    private static final int ROUNDS = 6;

    /** One path over the round's records; returns the NDJSON it wrote last. */
    @FunctionalInterface
    interface Path {
        byte[] run() throws IOException;
    }

    /** The fastest round of each path, in nanoseconds of CPU. */
    record Fastest(long first, long second) {

        double ratio() {
            return (double) second / first;
        }
    }

    private TwoPathRounds() {
    }

    static Fastest compare(int records, String firstName, Path first, String secondName, Path second) throws IOException {
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long fastestFirst = Long.MAX_VALUE;
        long fastestSecond = Long.MAX_VALUE;
        byte[] firstOut = null;
        byte[] secondOut = null;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = process.getProcessCpuTime();
            firstOut = first.run();
            long t1 = process.getProcessCpuTime();
            secondOut = second.run();
            long t2 = process.getProcessCpuTime();
            System.out.printf("round %d: %d records, %s %.2f CPU-s, %s %.2f CPU-s, ratio %.2f%n", round, records,
                    firstName, (t1 - t0) / 1e9, secondName, (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0));
            fastestFirst = Math.min(fastestFirst, t1 - t0);
            fastestSecond = Math.min(fastestSecond, t2 - t1);
        }
        if (!Arrays.equals(firstOut, secondOut)) {
            throw new IllegalStateException("the two paths wrote different NDJSON");
        }
        return new Fastest(fastestFirst, fastestSecond);
    }
}
