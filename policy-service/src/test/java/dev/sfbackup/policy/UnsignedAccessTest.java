package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an attacker did to policy-service before sign-in existed: each now refused, and the policy stays as it was. */
@QuarkusTest
class UnsignedAccessTest {

    private String disabledPolicy() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("locked"), TestData.createConnection()));
        body.put("enabled", false);
        return TestData.createPolicy(body);
    }

    @Test
    void policiesAreNotEditedNorEnabledWithoutACredential() {
        String id = disabledPolicy();
        Map<String, Object> edit = new HashMap<>(TestData.minimalPolicy(TestData.unique("edited"), TestData.createConnection()));
        edit.put("retentionDays", 1);
        given().auth().none().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit).put("/api/v1/policies/" + id)
                .then().statusCode(401);
        given().auth().none().post("/api/v1/policies/" + id + "/enable").then().statusCode(401);
        given().auth().none().header("If-Match", "\"0\"").delete("/api/v1/policies/" + id).then().statusCode(401);
        given().auth().none().post("/api/v1/policies/" + id + "/runs").then().statusCode(401);
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/policies/" + id + "/enable").then().statusCode(403);
        given().auth().oauth2(TestTokens.expired("admin")).post("/api/v1/policies/" + id + "/enable").then().statusCode(401);
        given().auth().oauth2(TestTokens.otherIssuer("admin")).post("/api/v1/policies/" + id + "/enable").then().statusCode(401);
        given().auth().oauth2(TestTokens.otherAudience("admin")).post("/api/v1/policies/" + id + "/enable").then().statusCode(401);
        given().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", "\"0\"").body("enabled", equalTo(false))
                .body("retentionDays", equalTo(30));
        org.junit.jupiter.api.Assertions.assertEquals(0, SessionServiceStub.startsOf(UUID.fromString(id)).size());
    }

    @Test
    void aCrossSiteFormPostChangesNothing() {
        String id = disabledPolicy();
        // the browser of a victim: no credential rides along, and the form is refused before anything else
        given().auth().none().contentType(ContentType.URLENC).formParam("enabled", "true").post("/api/v1/policies/" + id + "/enable")
                .then().statusCode(415).contentType("application/problem+json");
        // even where a credential came along, a form is not accepted
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.URLENC).formParam("enabled", "true")
                .post("/api/v1/policies/" + id + "/enable").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.URLENC).header("If-Match", "\"0\"")
                .formParam("name", "renamed").put("/api/v1/policies/" + id).then().statusCode(415);
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain").body("{\"name\":\"renamed\"}").header("If-Match", "\"0\"")
                .put("/api/v1/policies/" + id).then().statusCode(415);
        given().get("/api/v1/policies/" + id).then().statusCode(200).body("enabled", equalTo(false)).header("ETag", "\"0\"");
    }
}
