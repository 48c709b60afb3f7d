package dev.sfbackup.emulator.contract;

import static io.restassured.RestAssured.given;

import dev.sfbackup.salesforce.ConnectionOptions;
import dev.sfbackup.salesforce.OAuthTokenSource;
import dev.sfbackup.salesforce.RetryPolicy;
import dev.sfbackup.salesforce.SalesforceConnection;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emulator seen from the contract tests: its admin API (ground truth, faults) through rest-assured, and the
 * connector pointed at its login URL exactly as at a real org.
 */
final class EmulatedOrg {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final URI loginUrl;

    EmulatedOrg(URI loginUrl) {
        this.loginUrl = loginUrl;
    }

    SalesforceConnection connect() {
        return connect(fastOptions());
    }

    SalesforceConnection connect(ConnectionOptions options) {
        var http = SalesforceConnection.defaultHttpClient();
        return SalesforceConnection.create(http, OAuthTokenSource.clientCredentials(http, loginUrl, "demo-client", "demo-secret"),
                options);
    }

    SalesforceConnection connectAs(String clientId, String clientSecret) {
        var http = SalesforceConnection.defaultHttpClient();
        return SalesforceConnection.create(http, OAuthTokenSource.clientCredentials(http, loginUrl, clientId, clientSecret),
                fastOptions());
    }

    static ConnectionOptions fastOptions() {
        return ConnectionOptions.defaults()
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0))
                .withBulk(0, Duration.ofMillis(20), Duration.ofMinutes(5));
    }

    void reset(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/emulator/admin/reset").then().statusCode(200);
        clearFaults();
    }

    Map<String, List<String>> mutate(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/emulator/admin/mutate")
                .then().statusCode(200).extract().as(Map.class);
    }

    void fault(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/emulator/admin/faults").then().statusCode(201);
    }

    void clearFaults() {
        given().delete("/emulator/admin/faults").then().statusCode(204);
    }

    void revokeSessions() {
        given().delete("/emulator/admin/sessions").then().statusCode(204);
    }

    /** Ids of the object's records as the emulator holds them (its NDJSON ground truth). */
    List<String> groundTruthIds(String object) {
        InputStream ndjson = given().get("/emulator/admin/objects/" + object + "/records").then().statusCode(200)
                .extract().asInputStream();
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank()) {
                    ids.add(JSON.readTree(line).get("Id").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
