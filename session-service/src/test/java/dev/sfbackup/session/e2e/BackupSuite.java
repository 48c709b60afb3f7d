package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole suite over real HTTP: the emulator, storage-service, policy-service and two session-service instances
 * sharing one database (so every run is split between two engines), each a packaged service in its own JVM. Every
 * service verifies backup-testing's test tokens and signs its calls to the others with the test key; the suite's own
 * requests sign in as {@link #ADMIN} (set as RestAssured's default), a person with every role.
 */
final class BackupSuite implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient POLLER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ServiceProcess emulator;
    ServiceProcess storage;
    final ServiceProcess policy;
    ServiceProcess engineA;
    ServiceProcess engineB;
    /** The heap of the session-service instances (a small one shows a test that they stream). */
    private final String engineHeap;
    /** Configuration both session-service instances start with, beside the suite's own (restarts keep it). */
    private final Map<String, String> engineConfig;

    private BackupSuite(ServiceProcess emulator, ServiceProcess storage, ServiceProcess policy, ServiceProcess engineA,
            ServiceProcess engineB, String engineHeap, Map<String, String> engineConfig) {
        this.engineHeap = engineHeap;
        this.engineConfig = engineConfig;
        this.emulator = emulator;
        this.storage = storage;
        this.policy = policy;
        this.engineA = engineA;
        this.engineB = engineB;
    }

    static final String TEST_ENCRYPTION_KEY = "fO+LOFOpne5XpXju1CNIJyvu3XYroDPppyahSPUBrOA=";
    /** The token the suite's requests carry. */
    static final String ADMIN = TestTokens.admin();

    static BackupSuite start() {
        return start("384m");
    }

    /** emulatorHeap: the benchmark's org of a million records needs more than the tests' small one. */
    static BackupSuite start(String emulatorHeap) {
        return start(emulatorHeap, DEFAULT_ENGINE_HEAP);
    }

    private static final String DEFAULT_ENGINE_HEAP = "384m";

    private static BackupSuite shared;

    /**
     * One suite for the test classes that leave its configuration as they found it (each test resets the org and
     * creates its own connections, policies and repositories, so none depends on another's data): started by the
     * first of them, kept for the next (also through DatabaseRestartIT's restart of PostgreSQL: every service checks
     * a pooled connection as it borrows it), stopped when another suite starts (they share the databases) or the
     * test JVM ends. Its engines run on {@value #SHARED_ENGINE_HEAP}, the large file's bound.
     */
    static synchronized BackupSuite shared() {
        if (shared == null) {
            BackupSuite suite = start("384m", SHARED_ENGINE_HEAP);
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
            shared = suite;
        }
        return shared;
    }

    private static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    static final String SHARED_ENGINE_HEAP = "128m";

    /** engineHeap: the session-service instances' -Xmx. */
    static BackupSuite start(String emulatorHeap, String engineHeap) {
        return start(emulatorHeap, engineHeap, Map.of());
    }

    /** engineConfig: configuration of both session-service instances beside the suite's own. */
    static synchronized BackupSuite start(String emulatorHeap, String engineHeap, Map<String, String> engineConfig) {
        closeShared();
        RestAssured.authentication = RestAssured.oauth2(ADMIN);
        // every address is chosen first, so the services start side by side: only engine B waits, for engine A's
        // migrations of the database they share
        List<Integer> ports = ServiceProcess.freePorts(4);
        int storagePort = ports.get(0);
        int engineAPort = ports.get(1);
        String storageUrl = "http://127.0.0.1:" + storagePort;
        String policyUrl = "http://127.0.0.1:" + ports.get(2);
        List<ServiceProcess.Builder> first = List.of(
                ServiceProcess.builder("salesforce-emulator").maxHeap(emulatorHeap).port(ports.get(3)),
                storageConfigured(ServiceProcess.builder("storage-service").freshDatabase("session_e2e_storage")).port(storagePort),
                // policy-service starts runs on engine A (and registers policies with storage)
                ServiceProcess.builder("policy-service").freshDatabase("session_e2e_policy").port(ports.get(2))
                        .config("backup.encryption-key", TEST_ENCRYPTION_KEY)
                        .config("quarkus.rest-client.session-service.url", "http://127.0.0.1:" + engineAPort)
                        .config("quarkus.rest-client.storage-service.url", storageUrl),
                engineBuilder("engine-a", policyUrl, storageUrl, true, engineAPort, engineHeap, engineConfig));
        List<ServiceProcess> started = ServiceProcess.startAll(first);
        try {
            ServiceProcess engineB = engineBuilder("engine-b", policyUrl, storageUrl, false, 0, engineHeap, engineConfig).start();
            return new BackupSuite(started.get(0), started.get(1), started.get(2), started.get(3), engineB, engineHeap, engineConfig);
        } catch (RuntimeException failed) {
            // a service that did not start must not leave the ones before it running
            started.forEach(ServiceProcess::close);
            throw failed;
        }
    }

    private static ServiceProcess.Builder storageConfigured(ServiceProcess.Builder builder) {
        return builder.config("backup.repositories.encryption-key", TEST_ENCRYPTION_KEY)
                .config("backup.cache.upload-every", "1h") // tests upload cached points when they choose
                .config("backup.restore-points.max-deletion-ids", "4")
                .maxHeap("512m");
    }

    /** Ends storage-service abruptly (the services that call it find it unreachable). */
    void killStorage() {
        storage.kill();
    }

    /** Starts a killed storage-service again on its port and database. */
    void restartStorage() {
        if (!storage.isAlive()) {
            storage = storageConfigured(ServiceProcess.builder("storage-service").port(storage.port())
                    .database("session_e2e_storage")).start();
        }
    }

    /** port 0: a free one. */
    private static ServiceProcess engine(String name, ServiceProcess policy, ServiceProcess storage, int port, String heap,
            Map<String, String> extraConfig) {
        return engineBuilder(name, policy.url(), storage.url(), false, port, heap, extraConfig).start();
    }

    private static ServiceProcess.Builder engineBuilder(String name, String policyUrl, String storageUrl, boolean fresh, int port,
            String heap, Map<String, String> extraConfig) {
        ServiceProcess.Builder builder = ServiceProcess.builder("session-service").port(port).maxHeap(heap);
        builder = fresh ? builder.freshDatabase("session_e2e") : builder.database("session_e2e");
        builder = configured(builder, name, policyUrl, storageUrl);
        for (Map.Entry<String, String> entry : extraConfig.entrySet()) {
            builder = builder.config(entry.getKey(), entry.getValue());
        }
        return builder;
    }

    /** Ends the engine instance abruptly and starts it again with more configuration (a test-only fault, say). */
    void restartWith(String instanceId, Map<String, String> extraConfig) {
        ServiceProcess running = engine(instanceId);
        running.kill();
        Map<String, String> config = new HashMap<>(engineConfig);
        config.putAll(extraConfig);
        ServiceProcess restarted = engine(instanceId, policy, storage, running.port(), engineHeap, config);
        if (instanceId.equals("engine-a")) {
            engineA = restarted;
        } else {
            engineB = restarted;
        }
    }

    private static ServiceProcess.Builder configured(ServiceProcess.Builder builder, String name, String policyUrl,
            String storageUrl) {
        return builder.config("quarkus.rest-client.policy-service.url", policyUrl)
                .config("quarkus.rest-client.storage-service.url", storageUrl)
                .config("backup.engine.instance-id", name)
                .config("backup.engine.workers", "1")
                .config("backup.engine.poll-every", "1s")
                // a killed instance's tasks are taken over 10 s after its last heartbeat: ten heartbeats missed (Quarkus
                // runs scheduled jobs at most once a second), so a loaded CI machine that delays a live engine's
                // heartbeats a few seconds does not hand its task to the other engine
                .config("backup.engine.heartbeat-every", "1s")
                .config("backup.engine.watchdog-every", "1s")
                .config("backup.engine.stale-after", "PT10S")
                // a call the org keeps failing transiently is given up after 0.1 + 0.2 + 0.4 + 0.8 s, not 15 s
                .config("backup.salesforce.retry-backoff", "PT0.1S")
                // a discard storage could not take is sent again after 0.5, 1, 2, 4 s..., not 5, 10, 20 s...
                .config("backup.engine.discard-retry-after", "PT0.5S")
                // calls to storage and policy-service that found them unreachable are retried after 0.1 s, not 0.5 s
                .config("Retry/delay", "100")
                .config("Retry/jitter", "50")
                .config("backup.engine.batch-size", System.getProperty("e2e.batch-size", "250"))
                // storage takes at most 4 ids per deletions call here: a deletion test of more proves they are sent in parts
                .config("backup.engine.deletions-per-call", "3")
                // above every object of the tests' demo org, so only objects a test makes larger are read with Bulk API 2.0
                .config("backup.engine.bulk-threshold", "5000");
    }

    /** The engine instance of that name ({@code engine-a} or {@code engine-b}). */
    ServiceProcess engine(String instanceId) {
        return switch (instanceId) {
            case "engine-a" -> engineA;
            case "engine-b" -> engineB;
            default -> throw new IllegalArgumentException("no engine instance " + instanceId);
        };
    }

    /** Ends the engine instance abruptly (as a crash or an OOM kill would): no graceful shutdown, no last heartbeat. */
    void kill(String instanceId) {
        engine(instanceId).kill();
    }

    /** Starts a killed engine instance again under the same name and port, on the shared database. */
    void restart(String instanceId) {
        ServiceProcess killed = engine(instanceId);
        if (killed.isAlive()) {
            return;
        }
        ServiceProcess restarted = engine(instanceId, policy, storage, killed.port(), engineHeap, engineConfig);
        if (instanceId.equals("engine-a")) {
            engineA = restarted;
        } else {
            engineB = restarted;
        }
    }

    /** Starts every killed engine instance again under its name and port, side by side, on the shared database. */
    void restartKilledEngines() {
        List<String> killed = List.of("engine-a", "engine-b").stream().filter(id -> !engine(id).isAlive()).toList();
        List<ServiceProcess> restarted = ServiceProcess.startAll(killed.stream().map(id -> engineBuilder(id, policy.url(), storage.url(),
                false, engine(id).port(), engineHeap, Map.of())).toList());
        for (int i = 0; i < killed.size(); i++) {
            if (killed.get(i).equals("engine-a")) {
                engineA = restarted.get(i);
            } else {
                engineB = restarted.get(i);
            }
        }
    }

    /** The demo org with small objects, so each test starts from the same data. */
    void resetOrg() {
        resetOrg(3, 2000);
    }

    /** The same org with {@code fileCount} ContentVersion bodies of about {@code meanBytes} each. */
    void resetOrg(int fileCount, int meanBytes) {
        resetOrg(Map.of(), fileCount, meanBytes);
    }

    /** The same org with {@code accounts} Accounts (above 5,000 they are read with Bulk API 2.0) and no files. */
    void resetOrgWithAccounts(int accounts) {
        resetOrg(Map.of("Account", accounts), 0, 1000);
    }

    /** The same org with some objects resized ({@code sizes}: object name to record count). */
    void resetOrg(Map<String, Integer> sizes, int fileCount, int meanBytes) {
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("Account", 300);
        objects.put("Contact", 400);
        objects.put("Opportunity", 200);
        objects.put("Case", 250);
        objects.put("User", 40);
        objects.put("AssetAttribute", 120);
        objects.put("ContentWorkspaceMember", 30);
        // the FILE point then holds exactly the ContentVersion bodies the file tests count; a test that wants Attachments asks
        objects.put("Attachment", 0);
        objects.putAll(sizes);
        given().baseUri(emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("seed", 7, "objects", objects, "files", Map.of("count", fileCount, "meanBytes", meanBytes), "apiLimit", 100_000_000))
                .post("/emulator/admin/reset").then().statusCode(200);
        given().baseUri(emulator.url()).delete("/emulator/admin/faults").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    void fault(Map<String, Object> fault) {
        given().baseUri(emulator.url()).contentType(ContentType.JSON).body(fault).post("/emulator/admin/faults")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** Adds a fault that keeps matching calls waiting until {@link #release} or {@link #clearFaults}; returns its id. */
    long holdFault(Map<String, Object> match) {
        Map<String, Object> fault = new LinkedHashMap<>(match);
        fault.put("hold", true);
        return ((Number) given().baseUri(emulator.url()).contentType(ContentType.JSON).body(fault).post("/emulator/admin/faults")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    /** Removes the fault: the calls it holds go on. */
    void release(long faultId) {
        given().baseUri(emulator.url()).delete("/emulator/admin/faults/" + faultId).then().statusCode(204);
    }

    /** Waits until the hold fault keeps a call waiting. */
    void awaitHeldCall(long faultId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode faults = json(given().baseUri(emulator.url()).get("/emulator/admin/faults").then().statusCode(200)
                    .extract().asString());
            for (JsonNode fault : faults) {
                if (fault.path("id").asLong() == faultId && fault.path("held").asInt() > 0) {
                    return;
                }
            }
            sleep(50);
        }
        throw new AssertionError("fault " + faultId + " held no call within 120 s");
    }

    void clearFaults() {
        given().baseUri(emulator.url()).delete("/emulator/admin/faults").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    JsonNode mutate(Map<String, Object> mutation) {
        return json(given().baseUri(emulator.url()).contentType(ContentType.JSON).body(mutation)
                .post("/emulator/admin/mutate").then().statusCode(200).extract().asString());
    }

    UUID connection() {
        return connection("demo-secret");
    }

    /** A connection to the emulator's demo client with that secret (the emulator accepts only "demo-secret"). */
    UUID connection(String clientSecret) {
        return UUID.fromString(given().baseUri(policy.url()).contentType(ContentType.JSON).body(connectionBody(clientSecret))
                .post("/api/v1/connections").then().statusCode(201).extract().path("id"));
    }

    /** Replaces the connection's client secret, as an operator rotating it does. */
    void rotateSecret(UUID connectionId, String clientSecret) {
        given().baseUri(policy.url()).contentType(ContentType.JSON).body(connectionBody(clientSecret))
                .put("/api/v1/connections/" + connectionId).then().statusCode(200);
    }

    private Map<String, Object> connectionBody(String clientSecret) {
        return Map.of("name", "emulator-" + UUID.randomUUID(), "loginUrl", emulator.url(), "apiVersion", "62.0",
                "flow", "CLIENT_CREDENTIALS", "clientId", "demo-client", "clientSecret", clientSecret);
    }

    UUID policy(List<String> objects, boolean autoAdd, Map<String, Object> options) {
        return policy(objects, autoAdd, options, null);
    }

    /** A policy that, given a repository, also backs up files and metadata into it. */
    UUID policy(List<String> objects, boolean autoAdd, Map<String, Object> options, UUID repositoryId) {
        return policyOn(connection(), objects, autoAdd, options, repositoryId);
    }

    UUID policyOn(UUID connectionId, List<String> objects, boolean autoAdd, Map<String, Object> options, UUID repositoryId) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("objects", objects);
        scope.put("exclude", List.of());
        scope.put("autoAddNewObjects", autoAdd);
        scope.put("autoAddNewFields", autoAdd);
        scope.put("includeFiles", repositoryId != null);
        scope.put("includeMetadata", repositoryId != null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "e2e-" + UUID.randomUUID());
        body.put("connectionId", connectionId.toString());
        body.put("scope", scope);
        body.put("options", options);
        if (repositoryId != null) {
            body.put("repositoryId", repositoryId.toString());
        }
        return UUID.fromString(given().baseUri(policy.url()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies").then().statusCode(201).extract().path("id"));
    }

    /** Starts a run on engine A and waits until it ends; returns the final run view. */
    JsonNode runToEnd(UUID policyId) {
        return runToEnd(policyId, Duration.ofSeconds(180));
    }

    JsonNode runToEnd(UUID policyId, Duration timeout) {
        return awaitRunEnd(startRun(policyId, engineA), engineB, timeout);
    }

    /** Starts a run on the engine instance {@code via}; returns its id. */
    String startRun(UUID policyId, ServiceProcess via) {
        Response started = given().baseUri(via.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policyId.toString(), "trigger", "MANUAL")).post("/api/v1/runs");
        if (started.statusCode() != 201) {
            throw new AssertionError("run did not start: " + started.statusCode() + " " + started.asString());
        }
        return started.path("id");
    }

    /**
     * The run as the engine instance {@code via} shows it, read with the JDK's HTTP client: runs are polled often, and
     * RestAssured costs a benchmark's two cores about a quarter of a second per second of polling.
     */
    JsonNode run(String runId, ServiceProcess via) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(via.url() + "/api/v1/runs/" + runId))
                .header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = POLLER.send(get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET run " + runId + ": " + response.statusCode() + " " + response.body());
            }
            return json(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading run " + runId, e);
        }
    }

    /** Waits until the run ends, asking the engine instance {@code via}; returns the final run view. */
    JsonNode awaitRunEnd(String runId, ServiceProcess via, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = run(runId, via);
            String status = run.path("status").asText();
            if (!status.equals("PENDING") && !status.equals("RUNNING")) {
                return run;
            }
            // about 5% of the time waited so far: short runs end promptly, long ones are not slowed by the polling
            sleep(Math.clamp(Duration.between(start, Instant.now()).toMillis() / 20, 50, 1000));
        }
        throw new AssertionError("run " + runId + " did not end within " + timeout);
    }

    /** A LOCAL repository of storage-service in a fresh temporary directory. */
    UUID localRepository() {
        try {
            return localRepository(Files.createTempDirectory("e2e-repo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    UUID localRepository(Path directory) {
        return UUID.fromString(given().baseUri(storage.url()).contentType(ContentType.JSON)
                .body(Map.of("name", "e2e-" + UUID.randomUUID(), "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    /** Gives the repository a backup cache of 256 MiB in {@code directory}. */
    void enableCache(UUID repositoryId, Path directory) {
        given().baseUri(storage.url()).contentType(ContentType.JSON)
                .body(Map.of("enabled", true, "path", directory.toString(), "maxBytes", 256L << 20))
                .put("/api/v1/repositories/" + repositoryId + "/cache").then().statusCode(200);
    }

    /** Uploads the repository's cached restore points now (storage also does it on a schedule). */
    JsonNode uploadCache(UUID repositoryId) {
        return json(given().baseUri(storage.url()).post("/api/v1/repositories/" + repositoryId + "/cache/upload").then().statusCode(200)
                .extract().asString());
    }

    /** Waits until the policy's OPEN FILE restore point (object null, not FULL) holds a file; returns the point. */
    String awaitFirstFileOfTheFilePoint(UUID policyId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode open = json(given().baseUri(storage.url()).queryParam("policyId", policyId).queryParam("state", "OPEN")
                    .get("/api/v1/restore-points").then().statusCode(200).extract().asString());
            for (JsonNode point : open.path("items")) {
                if (point.path("object").isNull() && !"FULL".equals(point.path("kind").asText())
                        && storedFiles(point.path("id").asText(), "files").size() > 0) {
                    return point.path("id").asText();
                }
            }
            sleep(5);
        }
        throw new AssertionError("the FILE restore point of policy " + policyId + " stored no file within 120 s");
    }

    JsonNode point(String pointId) {
        return json(given().baseUri(storage.url()).get("/api/v1/restore-points/" + pointId).then().statusCode(200).extract().asString());
    }

    /** The files ({@code "files"}) or metadata packages ({@code "metadata"}) storage holds for a restore point. */
    JsonNode storedFiles(String pointId, String kind) {
        return json(given().baseUri(storage.url()).get("/api/v1/restore-points/" + pointId + "/" + kind).then().statusCode(200)
                .extract().asString());
    }

    byte[] download(String fileId) {
        return given().baseUri(storage.url()).get("/api/v1/files/" + fileId + "/content").then().statusCode(200)
                .extract().asByteArray();
    }

    /** A GET on the emulator's Salesforce API with a client-credentials token, as a connected app would do it. */
    byte[] salesforceGet(String path) {
        String token = given().baseUri(emulator.url()).auth().none().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "demo-client")
                .formParam("client_secret", "demo-secret").post("/services/oauth2/token").then().statusCode(200)
                .extract().path("access_token");
        return given().baseUri(emulator.url()).auth().oauth2(token).get(path).then().statusCode(200)
                .extract().asByteArray();
    }

    /** An engine instance that is up (engine A unless a test killed it). */
    private ServiceProcess liveEngine() {
        return engineA.isAlive() ? engineA : engineB;
    }

    JsonNode session(String sessionId) {
        return json(given().baseUri(liveEngine().url()).get("/api/v1/sessions/" + sessionId).then().statusCode(200).extract().asString());
    }

    String log(String sessionId) {
        return given().baseUri(liveEngine().url()).get("/api/v1/sessions/" + sessionId + "/log").then().statusCode(200).extract().asString();
    }

    /** The latest committed restore point of an object, or null. */
    JsonNode latestPoint(UUID policyId, String object) {
        JsonNode page = json(given().baseUri(storage.url()).queryParam("policyId", policyId).queryParam("object", object)
                .queryParam("state", "COMMITTED").queryParam("size", 1).get("/api/v1/restore-points").then().statusCode(200)
                .extract().asString());
        return page.path("items").size() == 0 ? null : page.path("items").get(0);
    }

    long committedPoints(UUID policyId, String object) {
        return json(given().baseUri(storage.url()).queryParam("policyId", policyId).queryParam("object", object)
                .queryParam("state", "COMMITTED").get("/api/v1/restore-points").then().statusCode(200).extract().asString())
                .path("total").asLong();
    }

    /** The object as storage holds it at a restore point (point-in-time read), by record id. */
    Map<String, JsonNode> storedRecords(String pointId, String object) {
        return byId(given().baseUri(storage.url()).accept("application/x-ndjson")
                .get("/api/v1/restore-points/" + pointId + "/objects/" + object + "/records").then().statusCode(200)
                .extract().asString());
    }

    /** How many records the point-in-time read of the object returns, duplicates included. */
    long storedRecordCount(String pointId, String object) {
        return given().baseUri(storage.url()).accept("application/x-ndjson")
                .get("/api/v1/restore-points/" + pointId + "/objects/" + object + "/records").then().statusCode(200)
                .extract().asString().lines().filter(line -> !line.isBlank()).count();
    }

    /** The emulator's ground truth: the object's live records now. */
    /** Empties the emulated org's recycle bin, as Salesforce's emptyRecycleBin() does: deleted records are purged. */
    void purgeRecycleBin() {
        given().baseUri(emulator.url()).contentType(ContentType.JSON).body("{}").post("/emulator/admin/recycle-bin/purge")
                .then().statusCode(200);
    }

    /** Asks engine A for a restore; answers its id. */
    String startRestore(Map<String, Object> request) {
        return given().baseUri(engineA.url()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/restores").then().statusCode(202).extract().path("id");
    }

    /** The restore as an engine that is alive shows it. */
    JsonNode restore(String id) {
        ServiceProcess engine = engineA.isAlive() ? engineA : engineB;
        return json(given().baseUri(engine.url()).get("/api/v1/restores/" + id).then().statusCode(200).extract().asString());
    }

    /** The restore once it ended (neither PENDING nor RUNNING); fails when it has not ended within that time. */
    JsonNode awaitRestore(String id, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            JsonNode restore = restore(id);
            String status = restore.path("status").asText();
            if (!status.equals("PENDING") && !status.equals("RUNNING")) {
                return restore;
            }
            sleep(200);
        }
        throw new AssertionError("restore " + id + " did not end within " + within + ": " + restore(id));
    }

    /** An active user of the org: a restore's defaultOwnerId for records whose owner is inactive. */
    String activeUserId() {
        return orgRecords("User").values().stream().filter(user -> user.path("IsActive").asBoolean())
                .findFirst().orElseThrow().path("Id").asText();
    }

    Map<String, JsonNode> orgRecords(String object) {
        return byId(given().baseUri(emulator.url()).get("/emulator/admin/objects/" + object + "/records").then()
                .statusCode(200).extract().asString());
    }

    private static Map<String, JsonNode> byId(String ndjson) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                JsonNode record = json(line);
                records.put(record.path("Id").asText(), record);
            }
        }
        return records;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] {engineB, engineA, policy, storage, emulator}) {
            if (service != null) {
                service.close();
            }
        }
    }
}
