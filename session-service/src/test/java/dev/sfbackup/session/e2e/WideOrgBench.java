package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run only by this command):
 * <pre>
 * ./mvnw -B verify -pl session-service -DskipITs=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=WideOrgBench -Dbench.objects=100
 * </pre>
 * An org of many small objects, as real orgs are (hundreds of objects, most of them unchanged between two runs): there
 * an incremental run's time is what each object's task costs before and after its few records, not the records.
 * bench.objects custom objects of {@link #RECORDS_PER_OBJECT} records each in one policy (parallelism 4); after the
 * initial run, {@link #INCREMENTAL_RUNS} incremental runs, each after {@link #CHANGED_PER_OBJECT} records changed in
 * every tenth object. Baseline, in the same run: the org calls such a run cannot do without, made directly by four
 * threads, as many as the run's parallelism (per object its describe, its changed records since before the changes
 * and its deleted ones), nothing stored. Figures go to stdout and target/wide-org-bench.txt.
 */
class WideOrgBench {

    private static final int RECORDS_PER_OBJECT = 200;
    private static final int CHANGED_PER_OBJECT = 5;
    private static final int PARALLELISM = 4;
    private static final String API = "/services/data/v62.0";

    /**
     * As in {@link EngineThroughputBench}, a run re-reads only the last second before the previous run's newest change
     * unless bench.overlap says otherwise (PT5M, production's default: each unchanged object's read returns its records
     * of the minutes before its newest change again, which storage must find unchanged); and each engine runs as many
     * tasks at once as by default (the suite's tests run one), so the run's parallelism is what bounds it, as in
     * production.
     */
    private static final Map<String, String> ENGINE_CONFIG = Map.of(
            "backup.engine.incremental-overlap", System.getProperty("bench.overlap", "PT0S"), "backup.engine.workers", "8");

    /**
     * Incremental runs (bench.incremental-runs, at least 2). The first also compiles the incremental path; the median of
     * the others is reported.
     */
    private static final int INCREMENTAL_RUNS = Math.max(2, Integer.getInteger("bench.incremental-runs", 5));

    @Test
    void incrementalRunOfAWideOrgAgainstItsOrgCalls() throws Exception {
        int objectCount = Integer.getInteger("bench.objects", 100);
        try (BackupSuite suite = BackupSuite.start("384m", "384m", ENGINE_CONFIG)) {
            suite.resetOrg(Map.of(), 0, 1000);
            List<String> objects = IntStream.rangeClosed(1, objectCount).mapToObj(i -> "Wide" + i + "__c").toList();
            for (String object : objects) {
                given().baseUri(suite.emulator.url()).contentType("application/json")
                        .body(Map.of("name", object, "records", RECORDS_PER_OBJECT)).post("/emulator/admin/objects")
                        .then().statusCode(201);
            }
            UUID policy = suite.policy(objects, false, Map.of("parallelism", PARALLELISM));
            double initialSeconds = BenchRuns.successfulRunSeconds(suite, policy);

            List<String> changing = IntStream.range(0, objectCount).filter(i -> i % 10 == 0).mapToObj(objects::get).toList();
            double[] incrementalSeconds = new double[INCREMENTAL_RUNS];
            double[] baselineSeconds = new double[INCREMENTAL_RUNS];
            for (int run = 0; run < INCREMENTAL_RUNS; run++) {
                Instant beforeChanges = newestChange(suite, changing);
                changing.forEach(object -> suite.mutate(Map.of("object", object, "update", CHANGED_PER_OBJECT)));
                incrementalSeconds[run] = BenchRuns.successfulRunSeconds(suite, policy);
                baselineSeconds[run] = orgCallsSeconds(suite, objects, beforeChanges, changing.size() * CHANGED_PER_OBJECT);
            }
            double steady = BenchRuns.median(Arrays.copyOfRange(incrementalSeconds, 1, INCREMENTAL_RUNS));
            double steadyBaseline = BenchRuns.median(Arrays.copyOfRange(baselineSeconds, 1, INCREMENTAL_RUNS));
            String report = String.format(Locale.ROOT, """
                    wide org bench: %d objects of %d records, %d of them with %d changed records before each incremental run (overlap %s)
                      initial run          %7.2f s
                      incremental runs     %s s
                      org calls baseline   %s s (describe, changes, deletions of every object; %d threads)
                      steady incremental   %7.2f s  %6.1f ms per object (median of the runs after the first)
                      steady baseline      %7.2f s  %6.1f ms per object
                      incremental run / org calls = %.2f
                    """, objectCount, RECORDS_PER_OBJECT, changing.size(), CHANGED_PER_OBJECT,
                    ENGINE_CONFIG.get("backup.engine.incremental-overlap"), initialSeconds,
                    BenchRuns.joined(incrementalSeconds), BenchRuns.joined(baselineSeconds), PARALLELISM, steady,
                    steady * 1000 / objectCount, steadyBaseline, steadyBaseline * 1000 / objectCount, steady / steadyBaseline);
            System.out.println(report);
            Files.writeString(Path.of("target", "wide-org-bench.txt"), report);
        }
    }

    /**
     * Time of the org calls an incremental run of these objects must make, by {@link #PARALLELISM} threads through the
     * JDK's HTTP client (a lighter client than the engine's, so the baseline is not flattered).
     */
    private static double orgCallsSeconds(BackupSuite suite, List<String> objects, Instant since, int expectedChanges)
            throws Exception {
        OrgCalls org = new OrgCalls(HttpClient.newHttpClient(), suite.emulator.url() + API, token(suite));
        long start = System.nanoTime();
        List<Future<Integer>> changes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(PARALLELISM)) {
            for (String object : objects) {
                changes.add(threads.submit(() -> org.changedRecords(object, since)));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int changed = 0;
        for (Future<Integer> objectChanges : changes) {
            changed += objectChanges.get();
        }
        assertTrue(changed >= expectedChanges, "the baseline reads at least the records changed: " + changed);
        return seconds;
    }

    /** The calls an incremental run makes per object: describe, the changed records, the deleted ones. */
    private record OrgCalls(HttpClient http, String api, String token) {

        int changedRecords(String object, Instant since) throws Exception {
            List<String> fields = new ArrayList<>();
            get("/sobjects/" + object + "/describe").path("fields").forEach(field -> fields.add(field.path("name").asText()));
            String after = " WHERE SystemModstamp > " + since.truncatedTo(ChronoUnit.SECONDS);
            int changed = get("/query?q=" + soql("SELECT " + String.join(", ", fields) + " FROM " + object + after))
                    .path("totalSize").asInt();
            get("/queryAll?q=" + soql("SELECT Id FROM " + object + after + " AND IsDeleted = true"));
            return changed;
        }

        private JsonNode get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return BackupSuite.json(response.body());
        }

        private static String soql(String query) {
            return URLEncoder.encode(query, StandardCharsets.UTF_8);
        }
    }

    /** The newest SystemModstamp of these objects, in the emulator's clock (which runs ahead of the machine's). */
    private static Instant newestChange(BackupSuite suite, List<String> objects) {
        String token = token(suite);
        return objects.stream().map(object -> given().baseUri(suite.emulator.url()).auth().oauth2(token)
                .queryParam("q", "SELECT SystemModstamp FROM " + object + " ORDER BY SystemModstamp DESC LIMIT 1")
                .get(API + "/query").then().statusCode(200).extract().<String>path("records[0].SystemModstamp"))
                .map(stamp -> Instant.parse(stamp.replace("+0000", "Z"))).max(Instant::compareTo).orElseThrow();
    }

    private static String token(BackupSuite suite) {
        return given().baseUri(suite.emulator.url()).formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-client").formParam("client_secret", "demo-secret")
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }
}
