package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sfbackup.testing.PrivatePostgres;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packaged session-service while PostgreSQL restarts: during the outage it answers 503 with Retry-After, and the
 * first requests after it answer from fresh connections (the pool checks each one as it is borrowed).
 */
class DatabaseRestartIT {

    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        service = ServiceProcess.builder("session-service").freshDatabase("session_db_restart")
                .config("backup.engine.enabled", "false").start();
    }

    @AfterAll
    static void stop() {
        PrivatePostgres.ensureRunning();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anOutageAnswers503WithRetryAfterAndTheFirstRequestsAfterARestartSucceed() {
        for (int i = 0; i < 5; i++) {
            runs().then().statusCode(200); // the pool now holds connections
        }
        PrivatePostgres.stop();
        try {
            Response during = runs();
            assertEquals(503, during.statusCode(), during.asString());
            assertNotNull(during.header("Retry-After"), "a 503 says when to try again");
        } finally {
            PrivatePostgres.ensureRunning();
        }
        for (int i = 0; i < 5; i++) {
            Response after = runs();
            assertEquals(200, after.statusCode(), "request " + (i + 1) + " after the restart: " + after.asString());
        }
    }

    private static Response runs() {
        return given().baseUri(service.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/runs");
    }
}
