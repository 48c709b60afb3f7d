package dev.sfbackup.storage.export;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Restore points, records, files and metadata stored over HTTP as session-service stores them, for export tests. */
final class ExportFixtures {

    static final String ORG = "00D000000000001EAA";

    private ExportFixtures() {
    }

    static Map<String, Object> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    /** A data point of the object with a describe of these fields. */
    static String openObject(UUID policy, String object, String kind, List<Map<String, Object>> fields) {
        return openObject(policy, object, kind, fields, null);
    }

    /** connection: the org connection the point belongs to (null: every-org callers only). */
    static String openObject(UUID policy, String object, String kind, List<Map<String, Object>> fields, UUID connection) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", ORG,
                "object", object, "kind", kind, "schema", Map.of("name", object, "createable", true, "fields", fields)));
        if (connection != null) {
            body.put("connectionId", connection);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/restore-points").then().statusCode(201)
                .extract().path("id");
    }

    /** A run's point without an object (FILE or METADATA), storing into the repository. */
    static String openRunPoint(UUID policy, UUID repository) {
        return given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", ORG,
                "kind", "INITIAL", "repositoryId", repository)).post("/api/v1/restore-points").then().statusCode(201)
                .extract().path("id");
    }

    static UUID localRepository() throws Exception {
        return UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", "export-" + UUID.randomUUID(),
                "kind", "LOCAL", "path", Files.createTempDirectory("export-repo").toString())).post("/api/v1/repositories")
                .then().statusCode(201).extract().path("id"));
    }

    static void ingest(String point, long seq, String ndjson) {
        given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/batches/" + seq).then().statusCode(200);
    }

    static String putFile(String point, String sourceId, String name, byte[] body) {
        return given().contentType("application/octet-stream").queryParam("name", name).body(body)
                .put("/api/v1/restore-points/" + point + "/files/" + sourceId).then().statusCode(200).extract().path("id");
    }

    static void putMetadata(String point, String name, String json) {
        // session-service sends sobjects/Account.json as one encoded path segment
        given().urlEncodingEnabled(false).contentType("application/octet-stream").body(json.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/metadata/" + name.replace("/", "%2F")).then().statusCode(200);
    }

    static void commit(String point) {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
    }
}
