package dev.sfbackup.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14, "what an attacker did": inputs that answered 500 (or were parsed whatever their size) now answer 400 or 413. */
@QuarkusTest
class HostileInputTest {

    @Test
    void theNulCharacterIsRefusedNamingTheField() throws Exception {
        String path = Files.createTempDirectory("hostile").toString();
        given().contentType(ContentType.JSON).body(Map.of("name", "evil\u0000", "kind", "LOCAL", "path", path))
                .post("/api/v1/repositories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "evil-" + UUID.randomUUID(), "kind", "LOCAL", "path", path + "\u0000"))
                .post("/api/v1/repositories").then().statusCode(400).body("errors.field", hasItem("path"));
        given().queryParam("object", "\u0000").get("/api/v1/restore-points").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("object"));
        given().auth().oauth2(TestTokens.sessionService()).queryParam("name", "a\u0000.txt").contentType("application/octet-stream")
                .body(new byte[] {1}).put("/api/v1/restore-points/" + UUID.randomUUID() + "/files/069000000000001AAA").then()
                .statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void timesAndPeriodsOutsideTheirRangeAreRefused() {
        given().queryParam("policyId", UUID.randomUUID()).queryParam("at", "-999999999-01-01T00:00:00Z")
                .get("/api/v1/objects/Account/records").then().statusCode(400).body("errors.field", hasItem("at"));
        given().queryParam("from", "+999999999-01-01T00:00:00Z").get("/api/v1/restore-points").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().contentType(ContentType.JSON).body(Map.of("policyId", UUID.randomUUID(), "retentionDays", Integer.MAX_VALUE))
                .post("/api/v1/retention/run").then().statusCode(400).body("errors.field", hasItem("retentionDays"))
                .body("detail", containsString("36500"));
        given().contentType(ContentType.JSON).body("{\"policyId\":\"" + UUID.randomUUID() + "\",\"retentionDays\":1.5}")
                .post("/api/v1/retention/run").then().statusCode(400).body("errors.field", hasItem("retentionDays"));
    }

    @Test
    void aBadQueryValueIsRefusedNamingItNotAnsweredWithABare404() {
        given().queryParam("readData", "abc").post("/api/v1/repositories/" + UUID.randomUUID() + "/verify").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("readData"));
        given().post("/api/v1/repositories/not-a-uuid/verify").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
    }

    @Test
    void aJsonBodyOverTheLimitIsNotParsed() {
        String huge = "{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/repositories").then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
    }
}
