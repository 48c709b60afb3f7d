package dev.sfbackup.storage.file;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.cache.service.StorageGauges;
import dev.sfbackup.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The repository and backup cache gauges at /q/metrics, with the clock moved instead of waited for. */
@QuarkusTest
class StorageGaugesTest {

    @Inject
    DataSource db;

    @Inject
    StorageGauges gauges;

    @Inject
    MutableClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    @Test
    void pointsWaitingInTheCacheAndHowLongTheOldestWaitedAreScraped() throws Exception {
        UUID repository = FileTestSupport.createLocalRepository();
        UUID waiting = FileTestSupport.openRestorePoint(db, UUID.randomUUID(), repository);
        FileTestSupport.openRestorePoint(db, UUID.randomUUID(), repository); // in the repository: not waiting
        try (Connection connection = db.getConnection();
             PreparedStatement cached = connection.prepareStatement(
                     "UPDATE restore_point SET location = 'CACHE', cached_at = ? WHERE id = ?")) {
            cached.setTimestamp(1, Timestamp.from(clock.instant()));
            cached.setObject(2, waiting);
            cached.executeUpdate();
        }
        clock.advance(Duration.ofHours(2));

        gauges.refresh();

        String metrics = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        String tag = "repository=\"" + repository + "\"";
        assertEquals(1.0, value(metrics, "backup_cache_points_waiting{", tag));
        double waited = value(metrics, "backup_cache_oldest_waiting_seconds{", tag);
        assertTrue(waited >= 7200 && waited < 7300, "two hours by the clock: " + waited);
        assertEquals(0.0, value(metrics, "backup_repository_stored_bytes{", tag), "no file stored yet");
    }

    private static double value(String metrics, String prefix, String tag) {
        String line = metrics.lines().filter(l -> l.startsWith(prefix) && l.contains(tag)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " line with " + tag + " in\n" + metrics));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
