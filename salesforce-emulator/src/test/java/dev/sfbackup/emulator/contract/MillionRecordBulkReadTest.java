package dev.sfbackup.emulator.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.salesforce.BulkQuery;
import dev.sfbackup.salesforce.BulkRows;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-record object read completely through Bulk API 2.0 in a test JVM of -Xmx1g (parent surefire config)
 * that also holds the emulator and its data: rows are counted as they stream, never collected.
 */
@QuarkusTest
class MillionRecordBulkReadTest {

    private static final int RECORDS = 1_000_000;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void shrinkTheOrg() throws Exception {
        new EmulatedOrg(root.toURI()).reset(Map.of());
    }

    @Test
    void aMillionRecordObjectIsReadCompletelyWithBoundedMemory() throws Exception {
        EmulatedOrg org = new EmulatedOrg(root.toURI());
        org.reset(Map.of("seed", 1, "objects", Map.of("Account", RECORDS)));
        SalesforceConnection connection = org.connect(EmulatedOrg.fastOptions()
                .withBulk(100_000, Duration.ofMillis(50), Duration.ofMinutes(10)));
        SObjectDescribe account = connection.describe("Account");
        long baseline = retainedHeapAfterGc();

        BulkQuery query = connection.bulkQuery("SELECT " + String.join(", ", account.bulkSelectableFieldNames())
                + " FROM Account");
        long count = 0;
        long peakRetained = 0;
        long started = System.nanoTime();
        int chunks;
        long reported;
        try (BulkRows rows = query.rows()) {
            while (rows.hasNext()) {
                rows.next();
                if (++count % 200_000 == 0) {
                    peakRetained = Math.max(peakRetained, retainedHeapAfterGc());
                }
            }
            chunks = rows.chunksFetched();
            reported = rows.reportedRecords();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertEquals(RECORDS, count);
        assertEquals(RECORDS, reported);
        System.out.printf("bulk read of %d Account rows (%d columns) in %d chunks, %d s; heap retained after GC: "
                        + "baseline %d MiB (emulator data included), peak during read %d MiB, max heap %d MiB%n",
                count, account.bulkSelectableFieldNames().size(), chunks, seconds, baseline >> 20, peakRetained >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Heap in use right after a full collection: what is really retained, not garbage waiting for the collector. */
    private static long retainedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }
}
