package dev.sfbackup.console.e2e;

import static io.restassured.RestAssured.given;

import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged suite the console is tested against, each service in its own JVM over real HTTP (as session-service's
 * e2e BackupSuite does): the emulator, storage-service, policy-service, one session-service, and the console in local
 * mode, whose login page mints tokens with backup-testing's test key (the key every service trusts here).
 */
final class ConsoleSuite implements AutoCloseable {

    static final String ADMIN_PASSWORD = "console-test-" + UUID.randomUUID();
    private static final String ENCRYPTION_KEY = "fO+LOFOpne5XpXju1CNIJyvu3XYroDPppyahSPUBrOA=";

    final ServiceProcess emulator;
    final ServiceProcess storage;
    final ServiceProcess policy;
    final ServiceProcess session;
    final ServiceProcess console;
    private final List<ServiceProcess> started;

    private ConsoleSuite(List<ServiceProcess> started) {
        this.started = started;
        this.emulator = started.get(0);
        this.storage = started.get(1);
        this.policy = started.get(2);
        this.session = started.get(3);
        this.console = started.get(4);
    }

    static ConsoleSuite start() {
        // every address is chosen first, so the five services start side by side
        List<Integer> ports = ServiceProcess.freePorts(5);
        String storage = "http://127.0.0.1:" + ports.get(1);
        String policy = "http://127.0.0.1:" + ports.get(2);
        String session = "http://127.0.0.1:" + ports.get(3);
        return new ConsoleSuite(ServiceProcess.startAll(List.of(
                ServiceProcess.builder("salesforce-emulator").port(ports.get(0)),
                ServiceProcess.builder("storage-service").port(ports.get(1)).freshDatabase("console_e2e_storage")
                        .config("backup.repositories.encryption-key", ENCRYPTION_KEY).maxHeap("512m"),
                // policy-service starts runs on session-service and session-service reads policies
                ServiceProcess.builder("policy-service").port(ports.get(2)).freshDatabase("console_e2e_policy")
                        .config("backup.encryption-key", ENCRYPTION_KEY)
                        .config("quarkus.rest-client.session-service.url", session),
                ServiceProcess.builder("session-service").port(ports.get(3)).freshDatabase("console_e2e_session")
                        .config("quarkus.rest-client.policy-service.url", policy)
                        .config("quarkus.rest-client.storage-service.url", storage)
                        .config("backup.engine.instance-id", "console-e2e")
                        .config("backup.engine.workers", "2")
                        .config("backup.engine.poll-every", "1s")
                        .config("backup.engine.heartbeat-every", "1s")
                        .config("backup.engine.watchdog-every", "1s")
                        // the test's change deletes 2 of Account's 60 records: an anomaly here, for the dashboard to show
                        .config("backup.anomaly.deleted-share", "0.02")
                        .config("backup.anomaly.min-records", "1"),
                ServiceProcess.builder("console").port(ports.get(4))
                        .config("quarkus.profile", "local")
                        .config("console.services.policy", policy)
                        .config("console.services.session", session)
                        .config("console.services.storage", storage)
                        .config("console.local.signing-key-file", TestTokens.serviceConfig().get("backup.security.service-token.signing-key-file"))
                        .config("console.local.admin-password-file", passwordFile().toString()))));
    }

    /** A small demo org, the same whenever a test starts. */
    void resetOrg() {
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("Account", 60);
        objects.put("Contact", 80);
        objects.put("Opportunity", 20);
        objects.put("Case", 20);
        objects.put("User", 10);
        given().baseUri(emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("seed", 7, "objects", objects, "files", Map.of("count", 0, "meanBytes", 1000), "apiLimit", 100_000_000))
                .post("/emulator/admin/reset").then().statusCode(200);
    }

    /** Changes the org between two runs: updates, deletions and inserts of one object. */
    void mutate(String object, int update, int delete, int insert) {
        given().baseUri(emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("object", object, "update", update, "delete", delete, "insert", insert))
                .post("/emulator/admin/mutate").then().statusCode(200);
    }

    /** A connection to the emulator, made through policy-service's API (the console has no connection page). */
    String connection(String name) {
        Map<String, Object> body = Map.of("name", name, "loginUrl", emulator.url(), "apiVersion", "62.0",
                "flow", "CLIENT_CREDENTIALS", "clientId", "demo-client", "clientSecret", "demo-secret");
        return given().baseUri(policy.url()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/connections").then().statusCode(201).extract().path("id");
    }

    /** A LOCAL repository, so the dashboard lists one. */
    String repository(String name) {
        try {
            Path directory = Files.createTempDirectory("console-e2e-repo");
            return given().baseUri(storage.url()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                    .post("/api/v1/repositories").then().statusCode(201).extract().path("id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private static Path passwordFile() {
        try {
            Path file = Files.createTempFile("console-admin", ".password");
            file.toFile().deleteOnExit();
            Files.writeString(file, ADMIN_PASSWORD + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
