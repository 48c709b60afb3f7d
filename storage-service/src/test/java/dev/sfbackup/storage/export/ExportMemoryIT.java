package dev.sfbackup.storage.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.testing.EncryptionKeys;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A million records exported by the packaged service on a 64 MiB heap: the CSV alone is about 100 MB, so an export
 * that held an object (or a ZIP) in memory would fail with OutOfMemoryError; the service must answer both in full
 * and stay up.
 */
class ExportMemoryIT {

    private static final int RECORDS = 1_000_000;
    private static final int BATCH = 10_000;

    @Test
    void aMillionRecordsExportOnASmallHeap() throws Exception {
        try (ServiceProcess storage = ServiceProcess.builder("storage-service").freshDatabase("storage_export_memory_it")
                .config("backup.repositories.encryption-key", EncryptionKeys.random()).maxHeap("64m").start()) {
            UUID policy = UUID.randomUUID();
            String point = given().baseUri(storage.url()).auth().oauth2(TestTokens.sessionService()).contentType(ContentType.JSON)
                    .body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", ExportFixtures.ORG, "object",
                            "Account", "kind", "INITIAL", "schema", Map.of("name", "Account", "fields", List.of(
                                    Map.of("name", "Id"), Map.of("name", "Name"), Map.of("name", "Description"),
                                    Map.of("name", "CreatedDate")))))
                    .post("/api/v1/restore-points").then().statusCode(201).extract().path("id");
            for (int batch = 0; batch < RECORDS / BATCH; batch++) {
                given().baseUri(storage.url()).auth().oauth2(TestTokens.sessionService()).contentType("application/x-ndjson")
                        .body(records(batch * BATCH, BATCH)).put("/api/v1/restore-points/" + point + "/batches/" + (batch + 1))
                        .then().statusCode(200);
            }
            given().baseUri(storage.url()).auth().oauth2(TestTokens.sessionService()).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);

            try (InputStream csv = download(storage, "/api/v1/restore-points/" + point + "/export?format=csv")) {
                assertEquals(RECORDS, countRows(csv));
            }
            try (ZipInputStream zip = new ZipInputStream(download(storage, "/api/v1/policies/" + policy + "/export"))) {
                ZipEntry entry = zip.getNextEntry();
                assertEquals("Account.csv", entry.getName());
                assertEquals(RECORDS, countRows(zip));
            }
            assertTrue(storage.isAlive(), "the service survived both exports");
        }
    }

    private static byte[] records(int from, int count) {
        StringBuilder lines = new StringBuilder(count * 140);
        for (int i = from; i < from + count; i++) {
            lines.append("{\"Id\":\"001").append("%015d".formatted(i)).append("\",\"Name\":\"Account, number ").append(i)
                    .append("\",\"Description\":\"a \\\"quoted\\\" note\\nover two lines\",\"CreatedDate\":\"2026-01-02T03:04:05.000Z\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream download(ServiceProcess storage, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(storage.url() + path))
                .header("Authorization", "Bearer " + TestTokens.operator()).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Rows after the header; each record's Description holds one quoted line break, so it spans two lines. */
    private static long countRows(InputStream csv) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16);
        String header = lines.readLine();
        assertEquals("Id,Name,Description,CreatedDate", header);
        long rows = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("001")) {
                rows++;
            }
        }
        return rows;
    }
}
