package dev.sfbackup.storage.alert;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.storage.cache.service.BackupCache;
import dev.sfbackup.storage.repository.service.RepositoryService;
import dev.sfbackup.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Restore points that wait in the cache of an unreachable repository longer than the threshold (1 h) are alerted once. */
@QuarkusTest
@TestProfile(AlertsToThisApp.class)
class CacheWaitingAlertTest {

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @Inject
    CacheWaitingAlerter alerter;

    @Inject
    CacheWaitEpisodes episodes;

    @Inject
    RepositoryService repositories;

    @Inject
    BackupCache backupCache;

    @Inject
    PolicyAlerts alerts;

    @Inject
    AlertsConfig config;

    @AfterEach
    void clockBackToNow() {
        clock.reset();
        PolicyAlertsStub.UNAVAILABLE_FOR_NEXT.set(0);
    }

    @Test
    void pointsWaitingLongerThanTheThresholdAreAlertedOncePerEpisodeNamingTheRepositoryHowLongAndHowMany() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        String name = "share-" + UUID.randomUUID().toString().substring(0, 8);
        UUID repository = localRepository(name, directory);
        UUID policy = UUID.randomUUID();
        Instant cachedAt = clock.instant();
        UUID first = cachedPoint(policy, repository, cachedAt);
        UUID second = cachedPoint(policy, repository, cachedAt);
        Files.move(directory, directory.resolveSibling(directory.getFileName() + "-away"));

        clock.advance(Duration.ofMinutes(59));
        alerter.check();
        assertEquals(List.of(), PolicyAlertsStub.of(policy), "not yet waiting an hour");

        clock.advance(Duration.ofHours(1));
        alerter.check();
        alerter.check();
        List<AlertEvent> received = PolicyAlertsStub.of(policy);
        assertEquals(1, received.size(), "one alert per episode: " + received);
        AlertEvent alert = received.getFirst();
        assertEquals(AlertOutcome.CACHE_WAITING, alert.outcome());
        assertNull(alert.runId());
        assertTrue(alert.what().contains("2 restore points have waited 1 h 59 min"), alert.what());
        assertTrue(alert.what().contains("repository '" + name + "'") && alert.what().contains("unreachable"), alert.what());

        location(first, "REPOSITORY");
        alerter.check();
        assertEquals(1, PolicyAlertsStub.of(policy).size(), "one point still waits: the same episode");

        location(second, "REPOSITORY");
        alerter.check();
        cachedPoint(policy, repository, clock.instant().minus(Duration.ofHours(3)));
        alerter.check();
        received = PolicyAlertsStub.of(policy);
        assertEquals(2, received.size(), "the cache drained, then waited again: a new episode");
        assertTrue(received.get(1).what().contains("1 restore point has waited 3 h 0 min"), received.get(1).what());
        assertTrue(!received.get(0).key().equals(received.get(1).key()), "each episode has its own key");
    }

    @Test
    void twoStorageServiceInstancesAlertAnEpisodeOnce() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository("share-" + UUID.randomUUID().toString().substring(0, 8), directory);
        UUID policy = UUID.randomUUID();
        cachedPoint(policy, repository, clock.instant().minus(Duration.ofHours(2)));
        Files.move(directory, directory.resolveSibling(directory.getFileName() + "-away"));
        CacheWaitingAlerter secondInstance = new CacheWaitingAlerter(episodes, repositories, backupCache, alerts, config, clock);

        int byFirst = alerter.check();
        int bySecond = secondInstance.check();

        assertEquals(1, byFirst + bySecond);
        assertEquals(1, PolicyAlertsStub.of(policy).size());
    }

    @Test
    void anAlertPolicyServiceDidNotTakeIsReportedAgainByTheNextCheck() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-repo");
        UUID repository = localRepository("share-" + UUID.randomUUID().toString().substring(0, 8), directory);
        UUID policy = UUID.randomUUID();
        cachedPoint(policy, repository, clock.instant().minus(Duration.ofHours(2)));
        Files.move(directory, directory.resolveSibling(directory.getFileName() + "-away"));
        PolicyAlertsStub.UNAVAILABLE_FOR_NEXT.set(1);

        alerter.check();
        assertEquals(List.of(), PolicyAlertsStub.of(policy));
        alerter.check();
        assertEquals(1, PolicyAlertsStub.of(policy).size());
    }

    @Test
    void pointsWaitingWhileTheRepositoryIsReachableAreNotAlerted() throws Exception {
        UUID repository = localRepository("share-" + UUID.randomUUID().toString().substring(0, 8),
                Files.createTempDirectory("sfbackup-repo"));
        UUID policy = UUID.randomUUID();
        cachedPoint(policy, repository, clock.instant().minus(Duration.ofHours(5)));

        alerter.check();

        assertEquals(List.of(), PolicyAlertsStub.of(policy), "an upload will take them: a long OPEN point is no outage");
    }

    private static UUID localRepository(String name, Path directory) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
    }

    private UUID cachedPoint(UUID policy, UUID repository, Instant cachedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = db.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO restore_point (id, policy_id, session_id, org_id, object, kind, state, repository_id,
                                                location, cached_at)
                     VALUES (?, ?, ?, '00D000000000001', NULL, 'INITIAL', 'COMMITTED', ?, 'CACHE', ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, policy);
            insert.setObject(3, UUID.randomUUID());
            insert.setObject(4, repository);
            insert.setTimestamp(5, Timestamp.from(cachedAt));
            insert.executeUpdate();
        }
        return id;
    }

    private void location(UUID point, String location) throws Exception {
        try (Connection connection = db.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE restore_point SET location = ? WHERE id = ?")) {
            update.setString(1, location);
            update.setObject(2, point);
            update.executeUpdate();
        }
    }
}
