package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.storage.restorepoint.bench.IngestBench;

/**
 * What checking every key of a record against the point's describe adds to the ingest's scan of canonical lines:
 * {@link CanonicalLine#scan} of IngestBench's records without a describe and with one, alternated in the same run.
 * Not a test (its name matches no surefire pattern). Run after {@code ./mvnw -pl storage-service test-compile}:
 * <pre>
 * java -cp "storage-service/target/classes:storage-service/target/test-classes:$(./mvnw -q -pl storage-service \
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" dev.sfbackup.storage.restorepoint.service.DescribeCheckBench 200000
 * </pre>
 */
public final class DescribeCheckBench {

    private DescribeCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        byte[][] lines = new byte[records][];
        for (int i = 0; i < records; i++) {
            lines[i] = IngestBench.line(i, 0);
        }
        DescribedFields described = DescribedFields.of(new ObjectMapper().readTree(IngestBench.describe()));
        long unchecked = Long.MAX_VALUE;
        long checked = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            unchecked = Math.min(unchecked, scan(lines, DescribedFields.ANY));
            checked = Math.min(checked, scan(lines, described));
        }
        System.out.printf("scan without describe  %6.0f ns per record%n", (double) unchecked / records);
        System.out.printf("scan with describe     %6.0f ns per record  = %.2f x the scan without%n", (double) checked / records,
                (double) checked / unchecked);
    }

    /** Nanoseconds for one pass over the lines (the best of the rounds is kept: the machine is shared). */
    private static long scan(byte[][] lines, DescribedFields described) {
        long start = System.nanoTime();
        int canonical = 0;
        FieldNames names = new FieldNames();
        ExpectedKeys keys = new ExpectedKeys();
        for (byte[] line : lines) {
            CanonicalLine.Scan scan = CanonicalLine.scan(line, 0, line.length, described, names, keys);
            if (scan.id() != null && scan.undescribedKey() == null) {
                canonical++;
            }
        }
        if (canonical != lines.length) {
            throw new IllegalStateException(canonical + " of " + lines.length + " lines were canonical and described");
        }
        return System.nanoTime() - start;
    }
}
