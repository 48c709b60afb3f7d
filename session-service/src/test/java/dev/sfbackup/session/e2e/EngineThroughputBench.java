package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.testing.PrivatePostgres;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so only this command runs it):
 * <pre>
 * ./mvnw -B verify -pl session-service -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=EngineThroughputBench -Dbench.records=1000000 -De2e.batch-size=5000
 * </pre>
 * Initial run of one object of bench.records records from the emulator into storage (Bulk API 2.0, two engines),
 * then two incremental runs, each after 1% of the records changed; baseline: PostgreSQL COPY of the same rows (id, jsonb)
 * into a plain table, measured in the same run. Figures go to stdout and target/engine-bench.txt.
 */
class EngineThroughputBench {

    @Test
    void initialAndIncrementalRunAgainstCopyBaseline() throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        try (BackupSuite suite = BackupSuite.start("2g")) {
            given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                    .body(Map.of("seed", 11, "objects", Map.of("Account", records), "files", Map.of("count", 0, "meanBytes", 1000),
                            "apiLimit", 100_000_000))
                    .post("/emulator/admin/reset").then().statusCode(200);
            UUID policy = suite.policy(List.of("Account"), true, Map.of("largeObjectThreshold", 100_000, "parallelism", 4));

            long initialStart = System.nanoTime();
            JsonNode initial = suite.runToEnd(policy, Duration.ofHours(1));
            double initialSeconds = (System.nanoTime() - initialStart) / 1e9;
            assertEquals("SUCCESS", initial.path("status").asText(), initial.toString());

            awaitAutovacuum();
            suite.mutate(Map.of("object", "Account", "update", records / 100));
            long incrementalStart = System.nanoTime();
            JsonNode incremental = suite.runToEnd(policy, Duration.ofHours(1));
            double incrementalSeconds = (System.nanoTime() - incrementalStart) / 1e9;
            assertEquals("SUCCESS", incremental.path("status").asText(), incremental.toString());

            // the first incremental run is also the first REST read of the services' lives; the second shows a warm one
            suite.mutate(Map.of("object", "Account", "update", records / 100));
            long secondStart = System.nanoTime();
            JsonNode second = suite.runToEnd(policy, Duration.ofHours(1));
            double secondSeconds = (System.nanoTime() - secondStart) / 1e9;
            assertEquals("SUCCESS", second.path("status").asText(), second.toString());

            awaitAutovacuum();
            double copySeconds = copyBaseline(suite, records);
            String report = String.format(java.util.Locale.ROOT, """
                    engine bench: %d Account records, emulator -> session-service (2 instances) -> storage-service
                      initial run      %8.1f s  %10.0f records/s
                      incremental (1%%) %8.1f s  incremental/initial time ratio %.3f
                      2nd incremental  %8.1f s  incremental/initial time ratio %.3f
                      COPY baseline    %8.1f s  %10.0f records/s
                      initial throughput / COPY throughput = %.3f
                    """, records, initialSeconds, records / initialSeconds, incrementalSeconds,
                    incrementalSeconds / initialSeconds, secondSeconds, secondSeconds / initialSeconds, copySeconds, records / copySeconds,
                    (records / initialSeconds) / (records / copySeconds));
            System.out.println(report);
            Files.writeString(Path.of("target", "engine-bench.txt"), report);
        }
    }

    /**
     * Waits until PostgreSQL's autovacuum has processed the million new rows, as it has long before a scheduled
     * incremental run; otherwise the vacuum competes with the incremental run for the two cores and its time varies
     * by half from one bench run to the next.
     */
    private static void awaitAutovacuum() throws Exception {
        try (Connection db = DriverManager.getConnection(PrivatePostgres.jdbcUrl("postgres"), PrivatePostgres.USER, "");
                Statement query = db.createStatement()) {
            Instant deadline = Instant.now().plusSeconds(120);
            int quietChecks = 0;
            while (quietChecks < 3 && Instant.now().isBefore(deadline)) {
                try (ResultSet workers = query.executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    workers.next();
                    quietChecks = workers.getInt(1) == 0 ? quietChecks + 1 : 0;
                }
                Thread.sleep(1000);
            }
            query.execute("checkpoint");
        }
    }

    /** COPY of the org's rows (id, jsonb) into a fresh table; reading them from the emulator is not timed. */
    private static double copyBaseline(BackupSuite suite, int records) throws Exception {
        Path rows = Files.createTempFile("engine-bench", ".tsv");
        try (InputStream ndjson = given().baseUri(suite.emulator.url()).get("/emulator/admin/objects/Account/records").asInputStream();
                BufferedReader lines = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(rows)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    String id = BackupSuite.json(line).path("Id").asText();
                    out.write(id + "\t" + line.replace("\\", "\\\\") + "\n");
                }
            }
        }
        PrivatePostgres.recreateDatabase("session_bench_copy");
        try (Connection db = DriverManager.getConnection(PrivatePostgres.jdbcUrl("session_bench_copy"), PrivatePostgres.USER, "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table account_copy (record_id text primary key, body jsonb not null)");
            }
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(rows)) {
                long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY account_copy FROM STDIN", reader);
                assertEquals(records, copied);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            Files.deleteIfExists(rows);
        }
    }
}
