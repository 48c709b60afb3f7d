package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file body larger than the session-service heap goes from the repository to the org: backed up, its document
 * deleted and purged, restored by session-service instances running on {@value #ENGINE_HEAP} of heap, and read back
 * byte-identical (SHA-256). Held whole in memory anywhere in session-service, it would not fit.
 */
class LargeFileRestoreIT {

    private static final String ENGINE_HEAP = BackupSuite.SHARED_ENGINE_HEAP;
    /** Above the engines' whole heap (128 MiB = 134,217,728 bytes). */
    private static final long SIZE = 200_000_000L;
    private static final long SEED = 20_26;

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }


    @Test
    void aBodyLargerThanTheEnginesHeapStreamsFromTheRepositoryToTheOrg() {
        suite.resetOrg(0, 1000);
        OrgFiles org = new OrgFiles(suite.emulator.url());
        String account = org.query("SELECT Id FROM Account ORDER BY Id LIMIT 1").get(0).path("Id").asText();
        String version = org.insertVersion(Map.of("PathOnClient", "large.bin", "FirstPublishLocationId", account), SIZE, SEED);
        String sha = OrgFiles.generatedSha256(SIZE, SEED);
        assertEquals(sha, org.bodySha256("ContentVersion", version, "VersionData"), "the org holds the generated body");
        UUID policy = suite.policy(List.of("ContentVersion"), false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy, Duration.ofMinutes(10)).path("status").asText());
        String point = suite.latestPoint(policy, "ContentVersion").path("id").asText();
        String document = org.query("SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = '" + version + "'").get(0)
                .path("ContentDocumentId").asText();
        org.delete(List.of(document));
        suite.purgeRecycleBin();

        Instant start = Instant.now();
        String id = given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy.toString(), "restorePointId", point, "files", Map.of("ids", List.of(version))))
                .post("/api/v1/restores").then().statusCode(202).extract().path("id");
        JsonNode restore = suite.awaitRestore(id, Duration.ofMinutes(10));
        Duration took = Duration.between(start, Instant.now());

        assertEquals("SUCCESS", restore.path("status").asText(), restore.toString());
        assertTrue(suite.engineA.isAlive() && suite.engineB.isAlive(), "no engine ran out of memory");
        String report = given().baseUri(suite.engineA.url()).get("/api/v1/restores/" + id + "/report").then().statusCode(200)
                .extract().asString();
        JsonNode line = BackupSuite.json(report.lines().filter(text -> text.contains(version)).findFirst().orElseThrow());
        assertEquals("RECREATE", line.path("action").asText(), line.toString());
        assertEquals(sha, org.bodySha256("ContentVersion", line.path("targetId").asText(), "VersionData"),
                "byte-identical after the restore");
        System.out.printf("LargeFileRestoreIT: %,d bytes restored in %d ms (%.1f MB/s) by engines with -Xmx%s%n", SIZE,
                took.toMillis(), SIZE / 1e6 / Math.max(0.001, took.toMillis() / 1000.0), ENGINE_HEAP);
    }
}
