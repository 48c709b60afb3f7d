package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so only this command runs it):
 * <pre>
 * ./mvnw -B verify -pl session-service -am -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=RestoreBench -Dbench.records=100000 -De2e.batch-size=5000
 * </pre>
 * The initial backup of bench.records Accounts (the baseline), then a restore of the same Accounts after every one
 * changed (UPDATE, Bulk API 2.0 update jobs) and after every one was deleted and purged from the recycle bin
 * (RECREATE, Bulk API 2.0 insert jobs and the ParentId second pass), all in the same run. Times are the runs' own (start
 * and end as session-service records them); API calls are the restores' apiCalls counters. Figures go to stdout and
 * target/restore-bench.txt.
 */
class RestoreBench {

    @Test
    void updateAndRecreateRestoresBesideTheInitialBackup() throws Exception {
        int records = Integer.getInteger("bench.records", 100_000);
        try (BackupSuite suite = BackupSuite.start("2g")) {
            given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                    .body(Map.of("seed", 11, "objects", Map.of("Account", records), "files", Map.of("count", 0, "meanBytes", 1000),
                            "apiLimit", 100_000_000))
                    .post("/emulator/admin/reset").then().statusCode(200);
            UUID policy = suite.policy(List.of("Account"), false, Map.of("largeObjectThreshold", 1_000_000, "parallelism", 2));
            double backupSeconds = BenchRuns.successfulRunSeconds(suite, policy);
            String point = suite.latestPoint(policy, "Account").path("id").asText();
            String activeUser = suite.activeUserId();

            suite.mutate(Map.of("object", "Account", "update", records, "set", Map.of("BillingCity", "Changed")));
            JsonNode update = restoreToEnd(suite, Map.of("policyId", policy.toString(), "restorePointId", point, "mode", "UPDATE",
                    "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 0),
                    "target", Map.of("defaultOwnerId", activeUser)));

            suite.mutate(Map.of("object", "Account", "delete", records));
            suite.purgeRecycleBin();
            JsonNode recreate = restoreToEnd(suite, Map.of("policyId", policy.toString(), "restorePointId", point, "mode", "RECREATE",
                    "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 0),
                    "target", Map.of("defaultOwnerId", activeUser)));

            long updated = update.path("counters").path("updated").asLong();
            long recreated = recreate.path("counters").path("recreated").asLong();
            String report = String.format(java.util.Locale.ROOT, """
                    restore bench: %d Accounts, emulator -> session-service -> storage-service and back
                      initial backup      %8.1f s  %10.0f records/s
                      restore UPDATE      %8.1f s  %10.0f records/s  (%d updated)  %6.1f API calls per 10,000 records  throughput / backup %.3f
                      restore RECREATE    %8.1f s  %10.0f records/s  (%d recreated) %6.1f API calls per 10,000 records  throughput / backup %.3f
                    """, records, backupSeconds, records / backupSeconds,
                    seconds(update), updated / seconds(update), updated, perTenThousand(update, updated),
                    (updated / seconds(update)) / (records / backupSeconds),
                    seconds(recreate), recreated / seconds(recreate), recreated, perTenThousand(recreate, recreated),
                    (recreated / seconds(recreate)) / (records / backupSeconds));
            System.out.println(report);
            Files.writeString(Path.of("target", "restore-bench.txt"), report);
            assertEquals("SUCCESS", update.path("status").asText(), update.toString());
            assertEquals("SUCCESS", recreate.path("status").asText(), recreate.toString());
        }
    }

    private static JsonNode restoreToEnd(BackupSuite suite, Map<String, Object> request) {
        return suite.awaitRestore(suite.startRestore(request), Duration.ofHours(1));
    }

    private static double seconds(JsonNode run) {
        return Duration.between(Instant.parse(run.path("startedAt").asText()), Instant.parse(run.path("endedAt").asText())).toNanos() / 1e9;
    }

    private static double perTenThousand(JsonNode restore, long records) {
        return restore.path("counters").path("apiCalls").asLong() * 10_000.0 / Math.max(1, records);
    }
}
