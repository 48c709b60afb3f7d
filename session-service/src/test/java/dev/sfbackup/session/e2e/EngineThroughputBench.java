package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.sql.Statement;
import java.util.Arrays;
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
 * After warm-up runs of another policy (see {@link #WARM_UP_RECORDS}): the initial run of one object of bench.records
 * records from the emulator into storage (Bulk API 2.0, two engines),
 * beside a small object, then {@link #INCREMENTAL_RUNS} incremental runs, each after 1% of the large object's records
 * changed and a checkpoint of storage's database, then {@link #UNCHANGED_RUNS} with nothing changed; baseline:
 * PostgreSQL COPY of the large object's rows (id, jsonb) into a plain table, measured in the same run.
 * Run times are the runs' own (start and end as session-service records them). Figures go to stdout and
 * target/engine-bench.txt. Profiling: -Dservice.jfr-dir, -Dservice.access-log=true and -Dservice.java-options (see
 * {@code ServiceProcess}), e.g. -Dservice.java-options=-XX:+UseParallelGC, the collector of the container images.
 * With a JDK 25 AOT cache: package with -Dquarkus.package.jar.type=aot-jar, train with
 * -Dservice.java-options=-XX:AOTCacheOutput=DIR/{module}-%p.aot (one file per JVM; keep one per module as
 * DIR/{module}.aot), then run with -Dquarkus.build.skip=true (the cache refuses a repackaged jar) and
 * "-Dservice.java-options=-XX:AOTMode=on -XX:AOTCache=DIR/{module}.aot".
 */
class EngineThroughputBench {

    /** Contacts backed up in the same runs, in a data session of their own beside the large object's. */
    private static final int SMALL_OBJECT_RECORDS = 20_000;

    /**
     * Opportunities and Cases of two warm-up runs before the measured ones, one data session each: an initial run, so
     * both engines, storage and the emulator have served a Bulk API read once, then an incremental one after half of
     * them changed, so they have served 20,000 records of REST query pages and stored changed versions. Services run
     * for months; without it the initial run also measured each JVM's first connections, class loading and compilation
     * of the read path (two of its seconds), and the first incremental run the same for the REST read and the compare
     * of versions. A tenth changed (4,000 records) was too few calls for the JIT's optimizing compiler: JFR showed its
     * compilations of the REST read inside the first measured incremental run (a second of the two cores' time).
     */
    private static final int WARM_UP_RECORDS = 20_000;

    /**
     * Incremental runs after the initial one. The first also meets the large object's own values on the REST read for
     * the first time (the JIT recompiles what it had compiled for other shapes); the median of the others is the
     * steady state of a service that has run for a while (bench.incremental-runs, at least 2). The JIT keeps compiling
     * rarely run framework code for about ten runs (thirty runs: median 1.0 s over runs 2 to 10, 0.9 s over runs 11 to
     * 30). At most about 35 (the 37th of a series failed): the emulator stamps each change a millisecond after the
     * previous one, so each run's 10,000 changes put its SystemModstamps about 8 s further ahead of the clock, and
     * storage refuses a watermark more than 5 minutes in its future.
     */
    private static final int INCREMENTAL_RUNS = Math.max(2, Integer.getInteger("bench.incremental-runs", 4));

    /**
     * Incremental runs with nothing changed since the previous run, after the others: the part of an incremental run
     * that does not grow with the changes (planning, the calls before the first page, the commit; and the records of
     * the previous run's last second, read again since SOQL compares whole seconds).
     */
    private static final int UNCHANGED_RUNS = 3;

    /**
     * No incremental overlap (5 minutes by default). A daily run re-reads only the changes of the last minutes before
     * the previous run's newest one, a few of a day's; the bench changes its records in one burst just before each run,
     * so the default overlap would re-read all of the previous run's changes (20,000 records instead of 10,000). Without
     * it a run re-reads those of the previous burst's last second (SOQL compares whole seconds; the emulator stamps one
     * change per millisecond): up to 1,000.
     */
    private static final Map<String, String> ENGINE_CONFIG = Map.of("backup.engine.incremental-overlap", "PT0S");

    @Test
    void initialAndIncrementalRunAgainstCopyBaseline() throws Exception {
        int records = Integer.getInteger("bench.records", 1_000_000);
        try (BackupSuite suite = BackupSuite.start("2g", "384m", ENGINE_CONFIG)) {
            given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                    .body(Map.of("seed", 11, "objects", Map.of("Account", records, "Contact", SMALL_OBJECT_RECORDS,
                                    "Opportunity", WARM_UP_RECORDS, "Case", WARM_UP_RECORDS),
                            "files", Map.of("count", 0, "meanBytes", 1000), "apiLimit", 100_000_000))
                    .post("/emulator/admin/reset").then().statusCode(200);
            UUID warmUp = suite.policy(List.of("Opportunity", "Case"), false,
                    Map.of("largeObjectThreshold", WARM_UP_RECORDS / 2, "parallelism", 4));
            BenchRuns.successfulRunSeconds(suite, warmUp);
            suite.mutate(Map.of("object", "Opportunity", "update", WARM_UP_RECORDS / 2));
            suite.mutate(Map.of("object", "Case", "update", WARM_UP_RECORDS / 2));
            BenchRuns.successfulRunSeconds(suite, warmUp);
            vacuumStorageDatabase();
            UUID policy = suite.policy(List.of("Account", "Contact"), true, Map.of("largeObjectThreshold", 100_000, "parallelism", 4));

            double initialSeconds = BenchRuns.successfulRunSeconds(suite, policy);

            vacuumStorageDatabase();
            double[] incrementalSeconds = new double[INCREMENTAL_RUNS];
            for (int i = 0; i < INCREMENTAL_RUNS; i++) {
                suite.mutate(Map.of("object", "Account", "update", records / 100));
                checkpointStorageDatabase();
                incrementalSeconds[i] = BenchRuns.successfulRunSeconds(suite, policy);
            }
            double steadySeconds = BenchRuns.median(Arrays.copyOfRange(incrementalSeconds, 1, INCREMENTAL_RUNS));
            double[] unchangedSeconds = new double[UNCHANGED_RUNS];
            for (int i = 0; i < UNCHANGED_RUNS; i++) {
                checkpointStorageDatabase();
                unchangedSeconds[i] = BenchRuns.successfulRunSeconds(suite, policy);
            }
            double unchangedMedian = BenchRuns.median(unchangedSeconds);

            vacuumStorageDatabase();
            double copySeconds = copyBaseline(suite, records);
            String report = String.format(java.util.Locale.ROOT, """
                    engine bench: %d Account records (and %d Contacts), emulator -> session-service (2 instances) -> storage-service
                      initial run        %8.1f s  %10.0f records/s
                      incremental runs   %s s (1%% changed before each)
                      first incremental  %8.2f s  incremental/initial time ratio %.3f
                      steady incremental %8.2f s  incremental/initial time ratio %.3f (median of the runs after the first)
                      unchanged runs     %s s (nothing changed before each)
                      unchanged          %8.2f s  unchanged/initial time ratio %.3f (median)
                      COPY baseline      %8.1f s  %10.0f records/s
                      initial throughput / COPY throughput = %.3f
                    """, records, SMALL_OBJECT_RECORDS, initialSeconds, records / initialSeconds,
                    BenchRuns.joined(incrementalSeconds),
                    incrementalSeconds[0], incrementalSeconds[0] / initialSeconds, steadySeconds, steadySeconds / initialSeconds,
                    BenchRuns.joined(unchangedSeconds), unchangedMedian, unchangedMedian / initialSeconds,
                    copySeconds, records / copySeconds, (records / initialSeconds) / (records / copySeconds));
            System.out.println(report);
            Files.writeString(Path.of("target", "engine-bench.txt"), report);
        }
    }

    /**
     * Vacuums and analyzes storage's database, as autovacuum does long before a scheduled incremental run; left to
     * autovacuum (which wakes once a minute) it lands inside the incremental run now and then and competes with it
     * for the two cores, moving its time by a third from one bench run to the next.
     */
    private static void vacuumStorageDatabase() throws Exception {
        onStorageDatabase("vacuum analyze", "checkpoint");
    }

    /**
     * A checkpoint, as PostgreSQL makes every 5 minutes (checkpoint_timeout): a scheduled incremental run comes hours
     * after the previous one, so the first change of each index page since then writes the whole page into the WAL. Runs
     * seconds apart, as the bench's are, would otherwise find most pages already written since the last checkpoint.
     */
    private static void checkpointStorageDatabase() throws Exception {
        onStorageDatabase("checkpoint");
    }

    private static void onStorageDatabase(String... statements) throws Exception {
        try (Connection db = DriverManager.getConnection(PrivatePostgres.jdbcUrl("session_e2e_storage"), PrivatePostgres.USER, "");
                Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
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
