package dev.sfbackup.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import dev.sfbackup.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: query values that answered 500, a bare 404 or were silently ignored now answer 400 naming the parameter. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HostileQueryTest {

    @Test
    void badQueryValuesAreRefusedNamingTheParameter() {
        refused("/api/v1/sessions", "size", "abc");
        refused("/api/v1/sessions", "status", "BOGUS");
        refused("/api/v1/sessions", "policyId", "abc");
        refused("/api/v1/sessions", "page", "1000000000");
        refused("/api/v1/sessions", "page", "-1");
        refused("/api/v1/sessions", "from", "-999999999-01-01T00:00:00Z");
        refused("/api/v1/sessions", "policyId", "\u0000");
        refused("/api/v1/runs", "active", "maybe");
        refused("/api/v1/runs", "policyId", "abc");
        refused("/api/v1/sessions/" + UUID.randomUUID() + "/log", "limit", "abc");
    }

    @Test
    void aPathIdThatIsNotAUuidIsRefusedNamingIt() {
        given().get("/api/v1/runs/12345").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
    }

    @Test
    void aBodyOverTheLimitIsAnsweredWithAProblem() {
        String huge = "{\"policyId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/runs").then().statusCode(413)
                .contentType("application/problem+json").body("errors.field", hasItem("body"));
    }

    private static void refused(String path, String parameter, String value) {
        given().queryParam(parameter, value).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }
}
