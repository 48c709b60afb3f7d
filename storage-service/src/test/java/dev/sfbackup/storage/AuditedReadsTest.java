package dev.sfbackup.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Point-in-time record reads and file downloads in storage-service's audit trail: who read what, never the contents. */
@QuarkusTest
class AuditedReadsTest {

    @Test
    void recordReadsAndFileDownloadsAreAuditedWithoutTheirContents() throws Exception {
        UUID policy = UUID.randomUUID();
        String point = given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(),
                "orgId", "00D000000000001EAA", "object", "Account", "kind", "INITIAL")).post("/api/v1/restore-points")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/x-ndjson").body("{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001000000000001AAA\",\"Name\":\"Secret Deal\"}\n"
                .getBytes(StandardCharsets.UTF_8)).put("/api/v1/restore-points/" + point + "/batches/1").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).header("X-Request-Id", "read-" + point).queryParam("policyId", policy)
                .queryParam("q", "Name:Secret Deal")
                .get("/api/v1/restore-points/" + point + "/objects/Account/records").then().statusCode(200);

        UUID repository = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", "audited-" + UUID.randomUUID(),
                "kind", "LOCAL", "path", Files.createTempDirectory("audited").toString())).post("/api/v1/repositories").then()
                .statusCode(201).extract().path("id"));
        String filePoint = given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(),
                "orgId", "00D000000000001EAA", "kind", "INITIAL", "repositoryId", repository)).post("/api/v1/restore-points")
                .then().statusCode(201).extract().path("id");
        String file = given().contentType("application/octet-stream").body("the contract".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + filePoint + "/files/068B").then().statusCode(200).extract().path("id");
        given().auth().oauth2(TestTokens.operator()).header("X-Request-Id", "download-" + file).get("/api/v1/files/" + file + "/content")
                .then().statusCode(200);

        String trail = given().auth().oauth2(TestTokens.admin()).queryParam("size", 500).get("/api/v1/audit").then().statusCode(200)
                .body("items.find { it.requestId == 'read-" + point + "' }.action", equalTo("records.read"))
                .body("items.find { it.requestId == 'read-" + point + "' }.actorSubject", equalTo("test-viewer"))
                .body("items.find { it.requestId == 'read-" + point + "' }.details", equalTo("policyId=" + policy))
                .body("items.find { it.requestId == 'download-" + file + "' }.action", equalTo("file.download"))
                .body("items.find { it.requestId == 'download-" + file + "' }.role", equalTo("operator"))
                .body("items.find { it.requestId == 'download-" + file + "' }.target", equalTo("/api/v1/files/" + file + "/content"))
                .body(not(containsString("Secret Deal"))).body(not(containsString("the contract")))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(trail.contains("eyJ"), "the trail holds a token");
    }
}
