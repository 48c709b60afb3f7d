package dev.sfbackup.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an attacker did to the running suite before sign-in existed: each now refused, and nothing changes. */
@QuarkusTest
class UnsignedAccessTest {

    private static final String RECORD = "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001000000000001AAA\",\"Name\":\"Acme\","
            + "\"SystemModstamp\":\"2026-01-01T00:00:00.000Z\"}\n";

    private static RequestSpecification anonymous() {
        return given().auth().none();
    }

    private static String committedPoint(UUID policy) {
        String point = given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(),
                "orgId", "00D000000000001EAA", "object", "Account", "kind", "INITIAL")).post("/api/v1/restore-points")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/x-ndjson").body(RECORD.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + point + "/batches/1").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("watermarkField", "SystemModstamp", "watermark", "2026-01-01T00:00:00Z"))
                .post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
        return point;
    }

    @Test
    void recordsAndFilesAreNotReadWithoutACredential() throws Exception {
        UUID policy = UUID.randomUUID();
        String point = committedPoint(policy);
        anonymous().get("/api/v1/restore-points/" + point + "/objects/Account/records").then().statusCode(401)
                .body(not(containsString("Acme")));
        anonymous().queryParam("policyId", policy).queryParam("at", "2099-01-01T00:00:00Z").get("/api/v1/objects/Account/records")
                .then().statusCode(401).body(not(containsString("Acme")));
        anonymous().get("/api/v1/objects/Account/records/001000000000001AAA/versions").then().statusCode(401);
        anonymous().get("/api/v1/restore-points?policyId=" + policy).then().statusCode(401);

        UUID repository = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("name", "r-" + UUID.randomUUID(), "kind",
                "LOCAL", "path", Files.createTempDirectory("unsigned").toString())).post("/api/v1/repositories").then().statusCode(201)
                .extract().path("id"));
        String filePoint = given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(),
                "orgId", "00D000000000001EAA", "kind", "INITIAL", "repositoryId", repository)).post("/api/v1/restore-points")
                .then().statusCode(201).extract().path("id");
        String file = given().contentType("application/octet-stream").body("contract text".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/restore-points/" + filePoint + "/files/068A").then().statusCode(200).extract().path("id");
        anonymous().get("/api/v1/files/" + file + "/content").then().statusCode(401).body(not(containsString("contract")));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/files/" + file + "/content").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/files/" + file + "/content").then().statusCode(200)
                .body(equalTo("contract text"));
    }

    @Test
    void retentionDoesNotRunWithoutACredentialNorFromAForm() {
        UUID policy = UUID.randomUUID();
        committedPoint(policy);
        committedPoint(policy);
        anonymous().contentType(ContentType.JSON).body(Map.of("policyId", policy, "retentionDays", 0)).post("/api/v1/retention/run")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(Map.of("policyId", policy, "retentionDays", 0))
                .post("/api/v1/retention/run").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.URLENC).formParam("policyId", policy.toString())
                .formParam("retentionDays", "0").post("/api/v1/retention/run").then().statusCode(415)
                .contentType("application/problem+json");
        given().queryParam("policyId", policy).get("/api/v1/restore-points").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aForgedBackupIsRefusedAtEveryStep() {
        UUID policy = UUID.randomUUID();
        String point = committedPoint(policy);
        Map<String, Object> open = Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", "00D000000000001EAA",
                "object", "Account", "kind", "INCREMENTAL");
        for (RequestSpecification forger : List.of(anonymous(), given().auth().oauth2(TestTokens.admin()),
                given().auth().oauth2(TestTokens.service("policy-service")), given().auth().oauth2(TestTokens.foreignKey(Roles.ADMIN)))) {
            int status = forger.contentType(ContentType.JSON).body(open).post("/api/v1/restore-points").then().extract().statusCode();
            assertEquals(true, status == 401 || status == 403, "open answered " + status);
        }
        // a point session-service opened, which a forger then tries to fill and commit with a watermark in the future
        String opened = given().contentType(ContentType.JSON).body(open).post("/api/v1/restore-points").then().statusCode(201)
                .extract().path("id");
        String hacked = RECORD.replace("Acme", "HACKED BY ANONYMOUS");
        for (String token : new String[] {null, TestTokens.admin(), TestTokens.service("policy-service")}) {
            RequestSpecification forger = token == null ? anonymous() : given().auth().oauth2(token);
            int refusal = token == null ? 401 : 403;
            forger.contentType("application/x-ndjson").body(hacked.getBytes(StandardCharsets.UTF_8))
                    .put("/api/v1/restore-points/" + opened + "/batches/1").then().statusCode(refusal);
            (token == null ? anonymous() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body(Map.of("ids", List.of("001000000000001AAA"), "seq", 2))
                    .post("/api/v1/restore-points/" + opened + "/deletions").then().statusCode(refusal);
            (token == null ? anonymous() : given().auth().oauth2(token)).contentType(ContentType.JSON)
                    .body(Map.of("watermarkField", "SystemModstamp", "watermark", "2099-01-01T00:00:00Z"))
                    .post("/api/v1/restore-points/" + opened + "/commit").then().statusCode(refusal);
        }
        given().get("/api/v1/restore-points/" + opened).then().statusCode(200).body("state", equalTo("OPEN"));
        given().get("/api/v1/restore-points/" + point + "/objects/Account/records").then().statusCode(200)
                .body(containsString("Acme")).body(not(containsString("HACKED")));
        given().auth().oauth2(TestTokens.sessionService()).get("/api/v1/watermarks/" + policy + "/Account").then().statusCode(200)
                .body("value", equalTo("2026-01-01T00:00:00Z"));
    }
}
