package dev.sfbackup.policy.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.policy.config.BackupConfig;
import dev.sfbackup.policy.repository.AlertDeliveryRepository;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import dev.sfbackup.policy.support.Poll;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.policy.support.WebhookReceiver;
import dev.sfbackup.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two policy-service instances over one database: the application's own dispatcher (ticking in the background) and a
 * second one built here on the same beans. While one of them is in the middle of sending, the other finds nothing due.
 */
@QuarkusTest
class AlertDispatcherScaleOutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CHANNELS = 4;

    @Inject
    Alerts alerts;

    @Inject
    AlertDispatcher firstInstance;

    @Inject
    AlertDeliveryRepository deliveries;

    @Inject
    NotificationChannelRepository channels;

    @Inject
    WebhookSender webhooks;

    @Inject
    EmailSender emails;

    @Inject
    BackupConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    MutableClock clock;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        clock.reset();
    }

    @Test
    void aDeliveryClaimedByOneDispatcherIsNotSentByAnother() throws Exception {
        UUID policy = policySubscribedToChannels(CHANNELS);
        receiver.holdFirstCall();
        alerts.raise(new AlertEvent(policy, UUID.randomUUID(), AlertOutcome.FAILED, "run ended FAILED"));
        Thread first = Thread.ofVirtual().start(firstInstance::deliverDue);
        assertTrue(receiver.awaitFirstCall(WAIT), "no dispatcher started sending");

        AlertDispatcher secondInstance = new AlertDispatcher(deliveries, channels, webhooks, emails, config, metrics, clock);
        int attemptedBySecond = secondInstance.deliverDue();
        receiver.release();
        first.join(WAIT);

        assertEquals(0, attemptedBySecond, "every delivery was claimed by the instance that is sending");
        assertTrue(Poll.until(WAIT, () -> sentCount(policy) == CHANNELS), "not every delivery was sent");
        assertEquals(CHANNELS, receiver.calls(), "each delivery sent once");
    }

    private long sentCount(UUID policy) {
        List<String> statuses = given().when().get("/api/v1/alert-deliveries?policyId=" + policy)
                .then().statusCode(200).extract().jsonPath().getList("status", String.class);
        return statuses.stream().filter("SENT"::equals).count();
    }

    private UUID policySubscribedToChannels(int count) {
        List<String> channelIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            channelIds.add(given().contentType(ContentType.JSON)
                    .body(Map.of("name", TestData.unique("hook"), "type", "WEBHOOK", "url", receiver.url()))
                    .when().post("/api/v1/channels").then().statusCode(201).extract().path("id"));
        }
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("scaled"), TestData.createConnection()));
        given().contentType(ContentType.JSON).body(Map.of("channelIds", channelIds, "outcomes", List.of("FAILED")))
                .when().put("/api/v1/policies/" + policy + "/alerts").then().statusCode(200);
        return UUID.fromString(policy);
    }
}
