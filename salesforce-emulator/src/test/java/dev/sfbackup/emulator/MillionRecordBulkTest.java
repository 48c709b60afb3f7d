package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MillionRecordBulkTest {

    private static final int RECORDS = 1_000_000;
    private static final long RETAINED_BOUND = 64L * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void backToDemoOrg() {
        TestOrg.reset(Map.of());
    }

    @Test
    void aMillionRecordObjectIsReadCompletelyThroughBulkResultsWithBoundedMemory() throws Exception {
        TestOrg.reset(Map.of("objects", Map.of("Account", RECORDS)));
        long retainedBefore = retainedHeap();
        String token = TestOrg.token();
        String jobId = BulkQueryTest.completedJob(token,
                "SELECT Id, Name, Industry, Phone, Description, CreatedDate, SystemModstamp FROM Account", Map.of());
        HttpClient http = HttpClient.newHttpClient();
        long rows = 0;
        long bytes = 0;
        long peakRetained = 0;
        String locator = null;
        int pages = 0;
        do {
            String uri = base + "services/data/v62.0/jobs/query/" + jobId + "/results?maxRecords=250000"
                    + (locator == null ? "" : "&locator=" + locator);
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            CountingStream counted = new CountingStream(response.body());
            CsvRows csv = new CsvRows(new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16), ',');
            assertEquals(List.of("Id", "Name", "Industry", "Phone", "Description", "CreatedDate", "SystemModstamp"), csv.next());
            long inPage = 0;
            while (csv.next() != null) {
                inPage++;
                if (inPage == 125_000) {
                    peakRetained = Math.max(peakRetained, retainedHeap() - retainedBefore);
                }
            }
            assertEquals(Long.parseLong(response.headers().firstValue("Sforce-NumberOfRecords").orElseThrow()), inPage);
            rows += inPage;
            bytes += counted.count;
            locator = response.headers().firstValue("Sforce-Locator").orElseThrow();
            pages++;
        } while (!"null".equals(locator));
        assertEquals(RECORDS, rows);
        assertEquals(4, pages);
        assertTrue(bytes > 3 * RETAINED_BOUND, "the results (" + bytes + " bytes) are larger than the memory bound");
        System.out.printf("1M-record bulk read: %d bytes in %d pages, retained heap growth %d bytes%n", bytes, pages, peakRetained);
        assertTrue(peakRetained < RETAINED_BOUND, "retained heap grew by " + peakRetained + " bytes while streaming");
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }

}
