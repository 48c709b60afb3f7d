package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two orgs, each a connection with a policy: a caller limited to org A sees and acts on A's only; B's answer 404. */
@QuarkusTest
class OrgScopingTest {

    private String connectionA;
    private String connectionB;
    private String policyA;
    private String policyB;
    private String adminOfA;

    @BeforeEach
    void twoOrgs() {
        connectionA = TestData.createConnection();
        connectionB = TestData.createConnection();
        policyA = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("a"), connectionA));
        policyB = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("b"), connectionB));
        adminOfA = TestTokens.of(Roles.ADMIN, UUID.fromString(connectionA));
    }

    @Test
    void connectionsOfOtherOrgsDoNotExistForALimitedCaller() {
        given().auth().oauth2(adminOfA).get("/api/v1/connections").then().statusCode(200)
                .body("id", everyItem(equalTo(connectionA)));
        given().auth().oauth2(adminOfA).get("/api/v1/connections/" + connectionA).then().statusCode(200);
        given().auth().oauth2(adminOfA).get("/api/v1/connections/" + connectionB).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON)
                .body(TestData.clientCredentialsConnection(TestData.unique("taken-over"), "s")).put("/api/v1/connections/" + connectionB)
                .then().statusCode(404);
        given().auth().oauth2(adminOfA).delete("/api/v1/connections/" + connectionB).then().statusCode(404);
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON)
                .body(TestData.clientCredentialsConnection(TestData.unique("new"), "s")).post("/api/v1/connections").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/connections/" + connectionB).then().statusCode(200);
    }

    @Test
    void policiesOfOtherOrgsDoNotExistForALimitedCaller() {
        given().auth().oauth2(adminOfA).get("/api/v1/policies").then().statusCode(200)
                .body("connectionId", everyItem(equalTo(connectionA))).body("id", hasItem(policyA));
        given().auth().oauth2(adminOfA).get("/api/v1/policies/" + policyB).then().statusCode(404);
        given().auth().oauth2(adminOfA).get("/api/v1/policies/" + policyB + "/history").then().statusCode(404);
        given().auth().oauth2(adminOfA).post("/api/v1/policies/" + policyB + "/disable").then().statusCode(404);
        given().auth().oauth2(adminOfA).header("If-Match", "\"0\"").delete("/api/v1/policies/" + policyB).then().statusCode(404);
        given().auth().oauth2(adminOfA).post("/api/v1/policies/" + policyB + "/runs").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(0, SessionServiceStub.startsOf(UUID.fromString(policyB)).size());
        given().auth().oauth2(adminOfA).post("/api/v1/policies/" + policyA + "/runs").then().statusCode(201);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/policies/" + policyB).then().statusCode(200)
                .body("enabled", equalTo(true));
    }

    @Test
    void aLimitedCallerCannotPointAPolicyAtAnotherOrg() {
        Map<String, Object> onB = new HashMap<>(TestData.minimalPolicy(TestData.unique("on-b"), connectionB));
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON).body(onB).post("/api/v1/policies").then().statusCode(422)
                .body("errors.field", hasItem("connectionId"));
        Map<String, Object> moved = new HashMap<>(TestData.minimalPolicy(TestData.unique("moved"), connectionB));
        given().auth().oauth2(adminOfA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(moved)
                .put("/api/v1/policies/" + policyA).then().statusCode(422);
        given().get("/api/v1/policies/" + policyA).then().statusCode(200).body("connectionId", equalTo(connectionA));
    }
}
