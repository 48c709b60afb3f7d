package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SessionServiceUnreachableTest.NothingListens.class)
class SessionServiceUnreachableTest {

    /** Points the session-service client at a port where nothing listens. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.session-service.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void startingARunWhileSessionServiceIsDownAnswers503() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("unreachable"), TestData.createConnection()));
        given().when().post("/api/v1/policies/" + id + "/runs")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", containsString("Service Unavailable"))
                .body("detail", containsString("session-service"));
    }
}
