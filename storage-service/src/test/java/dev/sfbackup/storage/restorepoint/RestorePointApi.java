package dev.sfbackup.storage.restorepoint;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The storage-service restore-point API as a test sees it, over real HTTP. */
final class RestorePointApi {

    static final String ORG = "00D000000000001EAA";

    /** The fields of the describe every point opened here carries: those the tests' records hold. */
    static final List<String> DESCRIBED = List.of("Id", "Name", "Age", "Amount", "BillingAddress", "ClosedDate", "CreatedDate",
            "Employees", "Fax", "Industry", "LastModifiedDate", "Subject", "SystemModstamp");

    private RestorePointApi() {
    }

    static String open(UUID policyId, String object, String kind) {
        return open(policyId, object, kind, null);
    }

    /** connectionId: the org the point belongs to, as session-service sends it (null: unknown, every-org callers only). */
    static String open(UUID policyId, String object, String kind, UUID connectionId) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("policyId", policyId, "sessionId", UUID.randomUUID(), "orgId", ORG,
                "object", object, "kind", kind,
                "schema", Map.of("name", object, "fields", DESCRIBED.stream().map(name -> Map.of("name", name)).toList())));
        if (connectionId != null) {
            body.put("connectionId", connectionId);
        }
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/restore-points").then().statusCode(201).extract().path("id");
    }

    static Response batch(String point, long seq, String ndjson) {
        return given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/api/v1/restore-points/" + point + "/batches/" + seq);
    }

    static void ingest(String point, long seq, String ndjson) {
        batch(point, seq, ndjson).then().statusCode(200);
    }

    static void delete(String point, long seq, String... ids) {
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of(ids), "seq", seq))
                .post("/api/v1/restore-points/" + point + "/deletions").then().statusCode(200);
    }

    static Response commit(String point) {
        return given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit");
    }

    static void committed(String point) {
        commit(point).then().statusCode(200);
    }

    static Response read(String point, String object) {
        return given().accept("application/x-ndjson").get("/api/v1/restore-points/" + point + "/objects/" + object + "/records");
    }

    /** Record id to its Name, as of the point. */
    static Map<String, String> names(String point, String object) {
        String body = read(point, object).then().statusCode(200).extract().asString();
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> record : parseLines(body)) {
            names.put((String) record.get("Id"), String.valueOf(record.get("Name")));
        }
        return names;
    }

    static List<Map<String, Object>> parseLines(String ndjson) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                records.add(io.restassured.path.json.JsonPath.from(line).getMap("$"));
            }
        }
        return records;
    }

    static String record(String id, String name, Object... more) {
        StringBuilder json = new StringBuilder("{\"attributes\":{\"type\":\"Account\",\"url\":\"/x/" + id + "\"},\"Id\":\"" + id
                + "\",\"Name\":\"" + name + "\"");
        for (int i = 0; i < more.length; i += 2) {
            Object value = more[i + 1];
            json.append(",\"").append(more[i]).append("\":")
                    .append(value instanceof String ? "\"" + value + "\"" : String.valueOf(value));
        }
        return json.append('}').toString();
    }

    static String lines(String... records) {
        return java.util.Arrays.stream(records).collect(Collectors.joining("\n", "", "\n"));
    }
}
