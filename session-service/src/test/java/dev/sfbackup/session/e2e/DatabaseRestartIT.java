package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sfbackup.testing.PrivatePostgres;
import dev.sfbackup.testing.ServiceProcess;
import dev.sfbackup.testing.TestTokens;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packaged session-service while PostgreSQL restarts: during the outage it answers 503 with Retry-After, the first
 * requests after it answer from fresh connections (the pool checks each one as it is borrowed), and its engine listens
 * for task wake-ups again on a new connection of its own, having warned once that it lost the old one.
 */
class DatabaseRestartIT {

    private static ServiceProcess service;

    @BeforeAll
    static void start() {
        // the engine is on for its wake-up listener; it has no run to work on, and its poll is off not to fill the log
        service = ServiceProcess.builder("session-service").freshDatabase("session_db_restart")
                .config("backup.engine.poll-every", "off").start();
    }

    @AfterAll
    static void stop() {
        PrivatePostgres.ensureRunning();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anOutageAnswers503WithRetryAfterAndAfterARestartRequestsSucceedAndTheEngineListensForWakeUpsAgain() throws Exception {
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
        awaitLogLine("listening for task wake-ups again", Duration.ofSeconds(60));
        assertEquals(1, logLines("not listening for task wake-ups").size(), "one warning for the outage, whatever its length");
    }

    private static void awaitLogLine(String text, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (logLines(text).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line with '" + text + "' within " + within + " of the restart");
            }
            Thread.sleep(100);
        }
    }

    private static List<String> logLines(String text) throws IOException {
        try (Stream<String> lines = Files.lines(service.log())) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    private static Response runs() {
        return given().baseUri(service.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/runs");
    }
}
