package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.storage.restorepoint.bench.IngestBench;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * What a CSV read does to each record beyond what an NDJSON read does: {@link RecordCsvWriter#row} of IngestBench's
 * records against the NDJSON read's copy of the same bytes and a newline into a 64 KiB buffer, alternated in the same
 * run (both into a sink that drops the bytes), timed in the thread's CPU time (the machine is shared). Not a test (its name matches no surefire pattern). Run after
 * {@code ./mvnw -pl storage-service test-compile}:
 * <pre>
 * java -cp "storage-service/target/classes:storage-service/target/test-classes:$(./mvnw -q -pl storage-service \
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" dev.sfbackup.storage.restorepoint.service.RecordCsvBench 200000
 * </pre>
 */
public final class RecordCsvBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final List<String> HEADER = List.of("Id", "AnnualRevenue", "BillingCity", "BillingCountry",
            "BillingPostalCode", "BillingStreet", "CreatedDate", "Description", "Industry", "IsDeleted", "LastModifiedDate",
            "Name", "NumberOfEmployees", "OwnerId", "Phone", "Rating", "SystemModstamp", "Type", "Website");

    private RecordCsvBench() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[][] lines = new byte[records][];
        for (int i = 0; i < records; i++) {
            lines[i] = IngestBench.line(i, 0);
        }
        long ndjson = Long.MAX_VALUE;
        long csv = Long.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            ndjson = Math.min(ndjson, ndjson(lines));
            csv = Math.min(csv, csv(lines));
        }
        System.out.printf("NDJSON (copy)      %6.0f ns per record%n", (double) ndjson / records);
        System.out.printf("CSV (RecordCsvWriter) %3.0f ns per record  = %.2f x NDJSON%n", (double) csv / records,
                (double) csv / ndjson);
    }

    /** CPU nanoseconds for one pass (the best of the rounds is kept: the machine is shared). */
    private static long ndjson(byte[][] lines) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        OutputStream out = new BufferedOutputStream(new Sink(), 1 << 16);
        for (byte[] line : lines) {
            out.write(line);
            out.write('\n');
        }
        out.flush();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static long csv(byte[][] lines) throws IOException {
        long start = THREADS.getCurrentThreadCpuTime();
        RecordCsvWriter csv = new RecordCsvWriter(new Sink(), HEADER);
        for (byte[] line : lines) {
            csv.row(line);
        }
        csv.finish();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /** Drops the bytes, reading one of each write so that the JIT cannot drop the writes. */
    private static final class Sink extends OutputStream {

        private final List<Byte> seen = new ArrayList<>();

        @Override
        public void write(int b) {
            seen.add((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                seen.add(b[off + len - 1]);
            }
        }
    }
}
