package dev.sfbackup.emulator.bench;

import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.service.CsvWriter;
import dev.sfbackup.emulator.soql.QueryPlan;
import dev.sfbackup.emulator.soql.SoqlCompiler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Throughput of Bulk CSV generation for a generated object, against a baseline of copying bytes of the same size.
 * Run: ./mvnw -q -B -o test-compile -pl salesforce-emulator && java -cp "$(cat /tmp/emu-cp.txt):salesforce-emulator/target/classes:salesforce-emulator/target/test-classes" dev.sfbackup.emulator.bench.BulkCsvBench
 */
public final class BulkCsvBench {

    private BulkCsvBench() {
    }

    public static void main(String[] args) throws IOException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Org org = DemoOrgBlueprint.build(new OrgSpec(42, Map.of("Account", records), 0, 1000));
        QueryPlan plan = SoqlCompiler.compile("SELECT Id, Name, Industry, Phone, Description, CreatedDate, SystemModstamp FROM Account", org);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            int[] results = plan.execute(false);
            long t1 = System.nanoTime();
            CountingSink sink = new CountingSink();
            CsvWriter.writeResults(plan, results, 0, results.length, ',', "\n", sink);
            long t2 = System.nanoTime();
            byte[] block = new byte[1 << 16];
            CountingSink baseline = new CountingSink();
            for (long left = sink.bytes; left > 0; left -= block.length) {
                baseline.write(block, 0, (int) Math.min(block.length, left));
            }
            long t3 = System.nanoTime();
            double csvMs = (t2 - t1) / 1e6;
            double baseMs = Math.max(0.001, (t3 - t2) / 1e6);
            System.out.printf("round %d: select %.0f ms, csv %d rows %d bytes in %.0f ms (%.0f rows/s), baseline copy %.1f ms, ratio csv/baseline %.0fx%n",
                    round, (t1 - t0) / 1e6, results.length, sink.bytes, csvMs, results.length / (csvMs / 1000), baseMs, csvMs / baseMs);
        }
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
