package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyRunTest {

    @Test
    void startingARunAsksSessionServiceAndReturnsItsRun() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("run"), TestData.createConnection()));
        given().when().post("/api/v1/policies/" + id + "/runs")
                .then().statusCode(201)
                .body("policyId", equalTo(id))
                .body("trigger", equalTo("MANUAL"))
                .body("status", equalTo("RUNNING"))
                .body("sessions.type", hasItem("DATA"));
        assertEquals(List.of(new StartRun(UUID.fromString(id), StartRun.Trigger.MANUAL)), SessionServiceStub.startsOf(UUID.fromString(id)));
    }

    @Test
    void aRunningPolicyIsNotStartedTwice() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("busy"), TestData.createConnection()));
        SessionServiceStub.ACTIVE_POLICIES.add(UUID.fromString(id));
        given().when().post("/api/v1/policies/" + id + "/runs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("run already active"));
        assertEquals(1, SessionServiceStub.startsOf(UUID.fromString(id)).size(), "a 409 is an answer, not retried");
    }

    @Test
    void sessionServiceFailingAnswers503() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("down"), TestData.createConnection()));
        SessionServiceStub.FORCED_STATUS.put(UUID.fromString(id), 500);
        given().when().post("/api/v1/policies/" + id + "/runs")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("session-service"));
    }

    @Test
    void aDisabledPolicyCannotBeStarted() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("off"), TestData.createConnection()));
        body.put("enabled", false);
        String id = TestData.createPolicy(body);
        given().when().post("/api/v1/policies/" + id + "/runs")
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("enabled"));
        assertEquals(0, SessionServiceStub.startsOf(UUID.fromString(id)).size());
    }

    @Test
    void anUnknownPolicyCannotBeStarted() {
        given().contentType(ContentType.JSON).when().post("/api/v1/policies/" + UUID.randomUUID() + "/runs")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
