package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.policy.service.RunLauncher;
import dev.sfbackup.policy.support.Poll;
import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.policy.support.WebhookReceiver;
import dev.sfbackup.testing.MutableClock;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertChannelTest {

    /** generous: the build machine is shared and the dispatcher ticks in the background */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Inject
    MockMailbox mailbox;

    @Inject
    RunLauncher launcher;

    @Inject
    CircuitBreakerMaintenance breakers;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        mailbox.clear();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.reset();
    }

    @Test
    void aFailedRunIsPostedToTheWebhookWithThePolicyWhatHappenedAndALinkToTheRun() throws Exception {
        String channel = webhook(false);
        UUID policy = policySubscribedTo(channel, List.of("FAILED", "WARNING"));
        UUID run = UUID.randomUUID();

        report(policy, run, AlertOutcome.FAILED, "run ended FAILED: every task ended ERROR");

        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1), "the webhook never heard of the run");
        JsonNode body = JSON.readTree(receiver.bodies().getFirst());
        assertEquals("FAILED", body.path("outcome").asText());
        assertEquals(run.toString(), body.path("runId").asText());
        assertTrue(body.path("message").asText().contains("run ended FAILED"), body.toString());
        assertTrue(body.path("message").asText().contains(policyName(policy)), "names the policy: " + body);
        assertTrue(body.path("link").asText().endsWith("/api/v1/runs/" + run), body.toString());
        assertTrue(Poll.until(WAIT, () -> "SENT".equals(delivery(policy).path("status").asText())));
    }

    @Test
    void aSlackChannelGetsATextBody() throws Exception {
        UUID policy = policySubscribedTo(webhook(true), List.of("WARNING"));

        report(policy, UUID.randomUUID(), AlertOutcome.WARNING, "run ended WARNING: 1 of 3 tasks ended ERROR");

        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1));
        JsonNode body = JSON.readTree(receiver.bodies().getFirst());
        assertEquals(1, body.size(), "only Slack's text member: " + body);
        assertTrue(body.path("text").asText().contains("1 of 3 tasks ended ERROR"), body.toString());
    }

    @Test
    void aFailingWebhookIsTriedAgainAfterABackoffAndTheAttemptsAreRecorded() {
        UUID policy = policySubscribedTo(webhook(false), List.of("FAILED"));
        receiver.failNext(1);

        report(policy, UUID.randomUUID(), AlertOutcome.FAILED, "run ended FAILED");

        assertTrue(Poll.until(WAIT, () -> delivery(policy).path("attempts").asInt() == 1), "never attempted");
        JsonNode first = delivery(policy);
        assertEquals("PENDING", first.path("status").asText());
        assertTrue(first.path("lastError").asText().contains("500"), first.toString());
        assertEquals(0, receiver.bodies().size());
        assertEquals(1, receiver.calls(), "no second attempt before the backoff is over");

        clock.advance(Duration.ofSeconds(31));
        assertTrue(Poll.until(WAIT, () -> "SENT".equals(delivery(policy).path("status").asText())), "never retried");
        assertEquals(2, delivery(policy).path("attempts").asInt());
        assertEquals(1, receiver.bodies().size());
    }

    @Test
    void aChannelThatNeverAnswersEndsFailedAfterItsAttempts() {
        UUID policy = policySubscribedTo(webhook(false), List.of("FAILED"));
        receiver.failNext(1000);

        report(policy, UUID.randomUUID(), AlertOutcome.FAILED, "run ended FAILED");

        for (int attempt = 1; attempt <= 5; attempt++) {
            int expected = attempt;
            assertTrue(Poll.until(WAIT, () -> delivery(policy).path("attempts").asInt() == expected), "attempt " + attempt);
            clock.advance(Duration.ofMinutes(10));
        }
        assertTrue(Poll.until(WAIT, () -> "FAILED".equals(delivery(policy).path("status").asText())));
        assertEquals(5, receiver.calls());
    }

    @Test
    void anEmailChannelMailsEveryRecipient() {
        String channel = given().contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("mail"), "type", "EMAIL", "recipients", List.of("ops@example.com", "dba@example.com")))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
        UUID policy = policySubscribedTo(channel, List.of("FAILED"));
        UUID run = UUID.randomUUID();

        report(policy, run, AlertOutcome.FAILED, "session ended by the watchdog: no progress for 86400 s");

        assertTrue(Poll.until(WAIT, () -> mailbox.getMailsSentTo("dba@example.com") != null
                && !mailbox.getMailsSentTo("dba@example.com").isEmpty()), "no mail");
        Mail mail = mailbox.getMailsSentTo("ops@example.com").getFirst();
        assertTrue(mail.getSubject().contains("FAILED"), mail.getSubject());
        assertTrue(mail.getText().contains("watchdog"), mail.getText());
        assertTrue(mail.getText().contains("/api/v1/runs/" + run), mail.getText());
    }

    @Test
    void anOutcomeThePolicyDidNotSubscribeToSendsNothing() {
        UUID policy = policySubscribedTo(webhook(false), List.of("FAILED"));

        report(policy, UUID.randomUUID(), AlertOutcome.SUCCESS, "run ended SUCCESS");

        given().when().get("/api/v1/alert-deliveries?policyId=" + policy).then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aScheduleThatCouldNotStartBecauseThePreviousRunIsStillRunningIsAlerted() {
        UUID policy = policySubscribedTo(webhook(false), List.of("MISSED_SCHEDULE"));
        schedule(policy);
        SessionServiceStub.ACTIVE_POLICIES.add(policy);
        try {
            assertEquals(RunLauncher.Firing.SKIPPED_RUN_ACTIVE, launcher.fireScheduled(policy));
        } finally {
            SessionServiceStub.ACTIVE_POLICIES.remove(policy);
        }
        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1));
        assertTrue(receiver.bodies().getFirst().contains("previous run is still running"), receiver.bodies().getFirst());
        assertTrue(receiver.bodies().getFirst().contains("MISSED_SCHEDULE"), receiver.bodies().getFirst());
    }

    @Test
    void aScheduleThatCouldNotStartBecauseSessionServiceIsDownIsAlerted() {
        UUID policy = policySubscribedTo(webhook(false), List.of("MISSED_SCHEDULE"));
        schedule(policy);
        SessionServiceStub.FORCED_STATUS.put(policy, 503);
        try {
            assertEquals(RunLauncher.Firing.FAILED, launcher.fireScheduled(policy));
        } finally {
            SessionServiceStub.FORCED_STATUS.remove(policy);
            breakers.resetAll(); // the failures above must not keep the breaker open for the tests after this one
        }
        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1));
        assertTrue(receiver.bodies().getFirst().contains("scheduled run did not start"), receiver.bodies().getFirst());
    }

    @Test
    void aRunEndReportedByTwoSessionServiceReplicasIsSentOnce() {
        UUID policy = policySubscribedTo(webhook(false), List.of("FAILED"));
        UUID run = UUID.randomUUID();

        report(policy, run, AlertOutcome.FAILED, "run ended FAILED");
        report(policy, run, AlertOutcome.FAILED, "run ended FAILED");

        assertTrue(Poll.until(WAIT, () -> "SENT".equals(delivery(policy).path("status").asText())));
        assertEquals(1, deliveries(policy).size(), "one delivery per channel for one run end");
        assertEquals(1, receiver.calls());
    }

    @Test
    void storageServiceReportsACacheThatWaitsOncePerEpisodeKey() throws Exception {
        UUID policy = policySubscribedTo(webhook(false), List.of("CACHE_WAITING"));
        Map<String, Object> event = Map.of("policyId", policy, "outcome", "CACHE_WAITING", "key", "repo-1/episode-1",
                "what", "2 restore points have waited 2 h in the backup cache of repository 'share'");

        for (int report = 0; report < 2; report++) {
            given().auth().oauth2(TestTokens.service("storage-service")).contentType(ContentType.JSON).body(event)
                    .when().post("/internal/v1/alerts").then().statusCode(202);
        }

        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1), "the webhook never heard of the cache");
        JsonNode body = JSON.readTree(receiver.bodies().getFirst());
        assertEquals("CACHE_WAITING", body.path("outcome").asText());
        assertTrue(body.path("message").asText().contains("repository 'share'"), body.toString());
        assertEquals(1, deliveries(policy).size(), "the second report of the episode is not queued");
    }

    @Test
    void aWebhookWithoutUrlIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("name", TestData.unique("hook"), "type", "WEBHOOK"))
                .when().post("/api/v1/channels").then().statusCode(400).body("errors.field", hasItem("url"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("mail"), "type", "EMAIL", "recipients", List.of("not-an-address")))
                .when().post("/api/v1/channels").then().statusCode(400).body("errors.field", hasItem("recipients[0]"));
    }

    @Test
    void aSubscriptionToAnUnknownChannelIsRefusedAndChangesNothing() {
        UUID policy = policySubscribedTo(webhook(false), List.of("FAILED"));
        given().contentType(ContentType.JSON).body(Map.of("channelIds", List.of(UUID.randomUUID()), "outcomes", List.of("SUCCESS")))
                .when().put("/api/v1/policies/" + policy + "/alerts").then().statusCode(400).body("errors.field", hasItem("channelIds[0]"));
        given().when().get("/api/v1/policies/" + policy + "/alerts").then().statusCode(200).body("outcomes", org.hamcrest.Matchers.contains("FAILED"));
    }

    /** Monthly: no clock a test moves reaches it, so only the test fires it. */
    private static void schedule(UUID policy) {
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", policyName(policy), "connectionId", connectionOf(policy), "repositoryId", repositoryOf(policy),
                        "schedule", Map.of("cron", "0 0 2 1 * ?")))
                .when().put("/api/v1/policies/" + policy).then().statusCode(200);
    }

    private String webhook(boolean slack) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("hook"), "type", "WEBHOOK", "url", receiver.url(), "slackFormat", slack))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    private static UUID policySubscribedTo(String channelId, List<String> outcomes) {
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("alerted"), TestData.createConnection()));
        given().contentType(ContentType.JSON).body(Map.of("channelIds", List.of(channelId), "outcomes", outcomes))
                .when().put("/api/v1/policies/" + policy + "/alerts").then().statusCode(200);
        return UUID.fromString(policy);
    }

    private static void report(UUID policy, UUID run, AlertOutcome outcome, String what) {
        given().auth().oauth2(TestTokens.sessionService()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy, "runId", run, "outcome", outcome, "what", what))
                .when().post("/internal/v1/alerts").then().statusCode(202);
    }

    private static JsonNode delivery(UUID policy) {
        String body = given().when().get("/api/v1/alert-deliveries?policyId=" + policy).then().statusCode(200).extract().asString();
        try {
            JsonNode list = JSON.readTree(body);
            return list.isEmpty() ? JSON.createObjectNode() : list.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode deliveries(UUID policy) {
        String body = given().when().get("/api/v1/alert-deliveries?policyId=" + policy).then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String policyName(UUID policy) {
        return given().when().get("/api/v1/policies/" + policy).then().statusCode(200).extract().path("name");
    }

    private static String connectionOf(UUID policy) {
        return given().when().get("/api/v1/policies/" + policy).then().statusCode(200).extract().path("connectionId");
    }

    private static String repositoryOf(UUID policy) {
        return given().when().get("/api/v1/policies/" + policy).then().statusCode(200).extract().path("repositoryId");
    }
}
