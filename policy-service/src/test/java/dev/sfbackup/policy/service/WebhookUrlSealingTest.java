package dev.sfbackup.policy.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.policy.support.Poll;
import dev.sfbackup.policy.support.TestData;
import dev.sfbackup.policy.support.WebhookReceiver;
import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A webhook URL carries a secret: it is sealed at rest, shown masked, and still used in full to send. */
@QuarkusTest
class WebhookUrlSealingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET_PATH = "/T0000/B0000/s3cr3tXYZ";

    @Inject
    DataSource db;

    @Inject
    WebhookUrls urls;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theUrlIsSealedAtRestShownMaskedAndAMaskedUrlSentBackKeepsTheRealOne() throws Exception {
        String secretUrl = receiver.url() + SECRET_PATH;
        String masked = "http://127.0.0.1:" + portOf(receiver) + "/***";
        String channel = given().contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("slack"), "type", "WEBHOOK", "url", secretUrl, "slackFormat", true))
                .when().post("/api/v1/channels").then().statusCode(201).body("url", equalTo(masked)).extract().path("id");
        given().get("/api/v1/channels/" + channel).then().statusCode(200).body("url", equalTo(masked));
        String[] stored = storedUrl(UUID.fromString(channel));
        assertNull(stored[0], "no plaintext column");
        assertFalse(stored[1].contains("s3cr3t"), "sealed: " + stored[1]);

        given().contentType(ContentType.JSON)
                .body(Map.of("name", TestData.unique("renamed"), "type", "WEBHOOK", "url", masked, "slackFormat", true))
                .when().put("/api/v1/channels/" + channel).then().statusCode(200).body("url", equalTo(masked));
        UUID policy = subscribedPolicy(channel);
        given().auth().oauth2(TestTokens.sessionService()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy, "runId", UUID.randomUUID(), "outcome", "FAILED", "what", "run ended FAILED"))
                .when().post("/internal/v1/alerts").then().statusCode(202);

        assertTrue(Poll.until(WAIT, () -> receiver.bodies().size() == 1), "the alert did not reach the real URL");
    }

    @Test
    void aUrlStoredInPlaintextBeforeIsSealedAtStartup() throws Exception {
        UUID channel = UUID.randomUUID();
        try (Connection connection = db.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into notification_channel (id, name, type, url, created_at) values (?, ?, 'WEBHOOK', ?, now())""")) {
            insert.setObject(1, channel);
            insert.setString(2, TestData.unique("legacy"));
            insert.setString(3, receiver.url() + SECRET_PATH);
            insert.executeUpdate();
        }

        urls.sealPlaintextAtStartup(null);

        String[] stored = storedUrl(channel);
        assertNull(stored[0]);
        assertNotNull(stored[1]);
        assertFalse(stored[1].contains("s3cr3t"));
        given().get("/api/v1/channels/" + channel).then().statusCode(200).body("url", equalTo(WebhookUrls.mask(receiver.url())));
    }

    private static int portOf(WebhookReceiver receiver) {
        return java.net.URI.create(receiver.url()).getPort();
    }

    private String[] storedUrl(UUID channel) throws Exception {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("select url, url_sealed from notification_channel where id = ?")) {
            select.setObject(1, channel);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new String[] {row.getString(1), row.getString(2)};
            }
        }
    }

    private static UUID subscribedPolicy(String channel) {
        String policy = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("sealed"), TestData.createConnection()));
        given().contentType(ContentType.JSON).body(Map.of("channelIds", List.of(channel), "outcomes", List.of("FAILED")))
                .when().put("/api/v1/policies/" + policy + "/alerts").then().statusCode(200);
        return UUID.fromString(policy);
    }
}
