package dev.sfbackup.storage.restorepoint;

import static dev.sfbackup.storage.restorepoint.RestorePointApi.committed;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.delete;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.ingest;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.lines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.names;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.open;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionTest {

    private final UUID policy = UUID.randomUUID();

    @Inject
    MutableClock clock;

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    private static io.restassured.response.ValidatableResponse retention(UUID policy, Object days) {
        return given().contentType(ContentType.JSON).body(days == null ? Map.of("policyId", policy) : Map.of("policyId", policy, "retentionDays", days))
                .post("/api/v1/retention/run").then();
    }

    @Test
    void expiredPointsGoButTheNewestPointStillReadsEveryRecordItHad() {
        String p1 = open(policy, "Pricebook2", "INITIAL");
        ingest(p1, 1, lines(record("01sA", "a1"), record("01sB", "b1"), record("01sC", "c1")));
        committed(p1);
        String p2 = open(policy, "Pricebook2", "INCREMENTAL");
        ingest(p2, 1, lines(record("01sA", "a2")));
        delete(p2, 1, "01sC");
        committed(p2);
        String p3 = open(policy, "Pricebook2", "INCREMENTAL");
        ingest(p3, 1, lines(record("01sB", "b2")));
        committed(p3);
        Map<String, String> before = names(p3, "Pricebook2");

        retention(policy, 3650).statusCode(200).body("restorePointsRemoved", equalTo(0));
        retention(policy, 0).statusCode(200).body("restorePointsRemoved", equalTo(2)).body("versionsRemoved", equalTo(4));

        assertEquals(before, names(p3, "Pricebook2"));
        assertEquals(Map.of("01sA", "a2", "01sB", "b2"), before);
        given().get("/api/v1/restore-points/" + p1).then().statusCode(404);
        given().get("/api/v1/restore-points/" + p2).then().statusCode(404);
        // A's version from the removed p2 stays because p3 reads it
        given().get("/api/v1/objects/Pricebook2/records/01sA/versions?policyId=" + policy).then()
                .body("size()", equalTo(1)).body("[0].restorePointId", nullValue());
        given().get("/api/v1/objects/Pricebook2/records/01sB/versions?policyId=" + policy).then()
                .body("restorePointId", contains(p3));
        given().get("/api/v1/objects/Pricebook2/records/01sC/versions?policyId=" + policy).then().statusCode(404);
    }

    @Test
    void removalsAreCountedInTheMetrics() {
        double before = removedPoints();
        String p1 = open(policy, "Product2", "INITIAL");
        ingest(p1, 1, lines(record("01tA", "a1")));
        committed(p1);
        String p2 = open(policy, "Product2", "INCREMENTAL");
        ingest(p2, 1, lines(record("01tA", "a2")));
        committed(p2);

        retention(policy, 0).statusCode(200).body("restorePointsRemoved", equalTo(1));

        assertEquals(before + 1, removedPoints());
    }

    private static double removedPoints() {
        String metrics = given().auth().none().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("backup_retention_removed_total{") && l.contains("restore_points"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void aPointARestoreReadsIsKeptUntilTheLeaseIsReleased() {
        String p1 = open(policy, "Quote", "INITIAL");
        ingest(p1, 1, lines(record("0Q0A", "q1")));
        committed(p1);
        String p2 = open(policy, "Quote", "INCREMENTAL");
        ingest(p2, 1, lines(record("0Q0A", "q2")));
        committed(p2);

        String lease = given().contentType(ContentType.JSON).body(Map.of("holder", "restore-42", "ttl", "PT1H"))
                .post("/api/v1/restore-points/" + p1 + "/leases").then().statusCode(201).extract().path("id");
        retention(policy, 0).statusCode(200).body("restorePointsRemoved", equalTo(0));
        assertEquals(Map.of("0Q0A", "q1"), names(p1, "Quote"));

        given().delete("/api/v1/restore-points/" + p1 + "/leases/" + lease).then().statusCode(204);
        retention(policy, 0).statusCode(200).body("restorePointsRemoved", equalTo(1));
        assertEquals(Map.of("0Q0A", "q2"), names(p2, "Quote"));
    }

    @Test
    void aPointGoesOnceItIsOlderThanTheRetentionAndALeaseKeepsItOnlyUntilItExpires() {
        String p1 = open(policy, "Contract", "INITIAL");
        ingest(p1, 1, lines(record("800A", "c1")));
        committed(p1);
        String p2 = open(policy, "Contract", "INCREMENTAL");
        ingest(p2, 1, lines(record("800A", "c2")));
        committed(p2);
        given().contentType(ContentType.JSON).body(Map.of("holder", "restore-7", "ttl", "P5D"))
                .post("/api/v1/restore-points/" + p1 + "/leases").then().statusCode(201);
        retention(policy, 3).statusCode(200).body("restorePointsRemoved", equalTo(0));

        clock.advance(Duration.ofDays(4));
        retention(policy, 3).statusCode(200).body("restorePointsRemoved", equalTo(0));
        assertEquals(Map.of("800A", "c1"), names(p1, "Contract"), "older than the retention, but leased for one more day");

        clock.advance(Duration.ofDays(2));
        retention(policy, 3).statusCode(200).body("restorePointsRemoved", equalTo(1));
        given().get("/api/v1/restore-points/" + p1).then().statusCode(404);
        assertEquals(Map.of("800A", "c2"), names(p2, "Contract"), "the newest point is kept whatever its age");
    }

    @Test
    void badRetentionRequestsAreProblems() {
        retention(policy, null).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("retentionDays"));
        retention(policy, -1).statusCode(400).body("errors.field", hasItem("retentionDays"));
        given().contentType(ContentType.JSON).body(Map.of("retentionDays", 5)).post("/api/v1/retention/run").then()
                .statusCode(400).body("errors.field", hasItem("policyId"));
        String open = open(policy, "Order", "INITIAL");
        given().contentType(ContentType.JSON).body(Map.of("holder", "r")).post("/api/v1/restore-points/" + open + "/leases")
                .then().statusCode(409).contentType("application/problem+json");
    }
}
