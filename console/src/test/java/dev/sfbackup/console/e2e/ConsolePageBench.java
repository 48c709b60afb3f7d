package dev.sfbackup.console.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (its name matches neither surefire's nor failsafe's patterns, so only this command runs it):
 * <pre>
 * ./mvnw -B package -DskipTests -pl salesforce-emulator,policy-service,storage-service,session-service -am
 * ./mvnw -B verify -pl console -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ConsolePageBench -Dbench.samples=40
 * </pre>
 * The packaged suite with the demo org (the console tests' org), one policy backed up twice. For each main page, the
 * server time of the page (the console's answer, read whole, signed in as the admin) beside its baseline in the same
 * run: the service call that page cannot do without (the list, the run, the records), over the same loopback HTTP.
 * Median and p95 of bench.samples requests after 5 warm-up requests, one at a time; the ratio says what the console
 * adds on top of the services, the target is 300 ms a page. Figures go to stdout and target/console-page-bench.txt.
 */
class ConsolePageBench {

    private static final Set<String> ENDED = Set.of("SUCCESS", "WARNING", "FAILED", "STOPPED");
    private static final int WARM_UP = 5;
    private static final long TARGET_MS = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String admin = TestTokens.admin();

    /** A page and its baseline: the service call it is built on. */
    private record Page(String name, String consolePath, String baselineUrl, String baselineAccept) {
    }

    private record Times(double medianMs, double p95Ms) {
    }

    @Test
    void everyMainPageBesideTheServiceCallItIsBuiltOn() throws Exception {
        int samples = Integer.getInteger("bench.samples", 40);
        try (ConsoleSuite suite = ConsoleSuite.start()) {
            suite.resetOrg();
            String connection = suite.connection("bench-org");
            suite.repository("bench-repo");
            String policy = given().baseUri(suite.policy.url()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", "bench", "connectionId", connection, "enabled", true, "retentionDays", 30,
                            "scope", Map.of("objects", List.of("Account", "Contact", "Opportunity", "Case"),
                                    "includeFiles", false, "includeMetadata", false)))
                    .post("/api/v1/policies").then().statusCode(201).extract().path("id");
            runToEnd(suite, policy);
            suite.mutate("Account", 5, 2, 3);
            String run = runToEnd(suite, policy);
            String point = given().baseUri(suite.storage.url()).auth().oauth2(admin)
                    .get("/api/v1/restore-points?policyId=" + policy + "&object=Account&page=0&size=1")
                    .then().statusCode(200).extract().path("items[0].id");
            String recordId = given().baseUri(suite.emulator.url()).get("/emulator/admin/objects/Account/records")
                    .then().statusCode(200).extract().asString().lines().findFirst().orElseThrow().replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1");

            String c = suite.console.url();
            List<Page> pages = List.of(
                    new Page("dashboard", c + "/", suite.policy.url() + "/api/v1/policies", "application/json"),
                    new Page("policies", c + "/policies", suite.policy.url() + "/api/v1/policies", "application/json"),
                    new Page("policy", c + "/policies/" + policy, suite.session.url() + "/api/v1/runs?policyId=" + policy, "application/json"),
                    new Page("runs", c + "/runs", suite.session.url() + "/api/v1/runs", "application/json"),
                    new Page("run", c + "/runs/" + run, suite.session.url() + "/api/v1/runs/" + run, "application/json"),
                    new Page("records", c + "/browse/" + policy + "/Account",
                            suite.storage.url() + "/api/v1/restore-points/" + point + "/objects/Account/records", "application/x-ndjson"),
                    new Page("record history", c + "/browse/" + policy + "/Account/records/" + recordId,
                            suite.storage.url() + "/api/v1/objects/Account/records/" + recordId + "/versions?policyId=" + policy, "application/json"),
                    new Page("restores", c + "/restores", suite.session.url() + "/api/v1/restores", "application/json"),
                    new Page("restore wizard", c + "/restores/new?policyId=" + policy,
                            suite.storage.url() + "/api/v1/restore-points?policyId=" + policy + "&page=0&size=200", "application/json"),
                    new Page("repositories", c + "/repositories", suite.storage.url() + "/api/v1/repositories", "application/json"),
                    new Page("audit", c + "/audit", suite.session.url() + "/api/v1/audit?page=0&size=50", "application/json"));

            List<String> lines = new ArrayList<>();
            lines.add("Console page server time against the service call each page is built on (%d samples, %s)"
                    .formatted(samples, Instant.now()));
            lines.add("%-16s %10s %10s %12s %12s %8s %s".formatted("page", "median ms", "p95 ms", "base median", "base p95", "ratio", "target 300 ms"));
            for (Page page : pages) {
                Times console = time(page.consolePath(), "text/html", true, samples);
                Times baseline = time(page.baselineUrl(), page.baselineAccept(), false, samples);
                lines.add(String.format(Locale.ROOT, "%-16s %10.1f %10.1f %12.1f %12.1f %8.2f %s", page.name(), console.medianMs(),
                        console.p95Ms(), baseline.medianMs(), baseline.p95Ms(), console.medianMs() / baseline.medianMs(),
                        console.p95Ms() <= TARGET_MS ? "met (p95)" : "MISSED (p95)"));
            }
            lines.forEach(System.out::println);
            Files.write(Path.of("target", "console-page-bench.txt"), lines);
        }
    }

    private Times time(String url, String accept, boolean console, int samples) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", accept);
        if (console) {
            request.header("Cookie", "sfb_session=" + admin);
        } else {
            request.header("Authorization", "Bearer " + admin);
        }
        HttpRequest built = request.GET().build();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + samples; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - start) / 1e6;
            assertEquals(200, response.statusCode(), url + ": " + new String(response.body()));
            if (i >= WARM_UP) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        return new Times(millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }

    private String runToEnd(ConsoleSuite suite, String policy) throws InterruptedException {
        String run = given().baseUri(suite.policy.url()).auth().oauth2(admin).post("/api/v1/policies/" + policy + "/runs")
                .then().statusCode(201).extract().path("id");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String status = "";
        while (!ENDED.contains(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500); // polling until the run ends, bounded by the deadline
            status = given().baseUri(suite.session.url()).auth().oauth2(admin).get("/api/v1/runs/" + run)
                    .then().statusCode(200).extract().path("status");
        }
        assertEquals("SUCCESS", status, "run " + run);
        return run;
    }
}
