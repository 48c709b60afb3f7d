package dev.sfbackup.emulator.bench;

import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.service.CsvWriter;
import dev.sfbackup.emulator.service.PlainCsvWriter;
import dev.sfbackup.emulator.soql.QueryPlan;
import dev.sfbackup.emulator.soql.SoqlCompiler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * CPU seconds of generating the Bulk CSV of an object, as the engine bench reads it (seed 11, every Account field), with
 * {@link CsvWriter} against the plain writer it replaced ({@link PlainCsvWriter}) in the same run; prints the output's
 * CRC-32C (cheap enough not to weigh on the figures) so both, and any earlier build, can be compared.
 * Run: ./mvnw -o -q test-compile -pl salesforce-emulator
 * && ./mvnw -o -q dependency:build-classpath -pl salesforce-emulator -Dmdep.outputFile=/tmp/emu-cp.txt
 * && java -cp "$(cat /tmp/emu-cp.txt):salesforce-emulator/target/classes:salesforce-emulator/target/test-classes"
 * dev.sfbackup.emulator.bench.BulkCsvBench [records] [rounds]
 */
public final class BulkCsvBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BulkCsvBench() {
    }

    @FunctionalInterface
    private interface Writer {
        void write(QueryPlan plan, int[] results, OutputStream out) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Org org = DemoOrgBlueprint.build(new OrgSpec(11, Map.of("Account", records, "Contact", 20_000), 0, 1000));
        String fields = org.table("Account").orElseThrow().fields().stream().filter(f -> f.type() != FieldType.BASE64)
                .map(FieldDef::name).collect(Collectors.joining(", "));
        QueryPlan plan = SoqlCompiler.compile("SELECT " + fields + " FROM Account", org);
        int[] results = plan.execute(false);
        Writer plain = (p, r, out) -> PlainCsvWriter.writeResults(p, r, 0, r.length, ',', "\n", out);
        Writer fast = (p, r, out) -> CsvWriter.writeResults(p, r, 0, r.length, ',', "\n", out);
        for (int round = 0; round < rounds; round++) {
            double plainCpu = measure("plain writer", plain, plan, results);
            double fastCpu = measure("CsvWriter   ", fast, plan, results);
            System.out.printf("round %d: CsvWriter CPU / plain writer CPU = %.3f%n", round, fastCpu / plainCpu);
        }
    }

    /** Writes the CSV once; prints and returns the CPU seconds per 1,000,000 records. */
    private static double measure(String name, Writer writer, QueryPlan plan, int[] results) throws Exception {
        ChecksummingSink sink = new ChecksummingSink();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        writer.write(plan, results, sink);
        long wall = System.nanoTime() - wall0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        double cpuPerMillion = cpu / 1e9 * 1_000_000 / results.length;
        System.out.printf("  %s %d rows %d bytes: cpu %.2f s, wall %.2f s, %.2f CPU-s per 1M records, crc32c %08x%n", name,
                results.length, sink.bytes, cpu / 1e9, wall / 1e9, cpuPerMillion, sink.checksum.getValue());
        return cpuPerMillion;
    }

    /** Counts and checksums what it is given. */
    private static final class ChecksummingSink extends OutputStream {
        final CRC32C checksum = new CRC32C();
        long bytes;

        @Override
        public void write(int b) {
            checksum.update(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            checksum.update(b, off, len);
            bytes += len;
        }
    }
}
