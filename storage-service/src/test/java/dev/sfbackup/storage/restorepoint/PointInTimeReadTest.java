package dev.sfbackup.storage.restorepoint;

import static dev.sfbackup.storage.restorepoint.RestorePointApi.batch;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.committed;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.delete;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.ingest;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.lines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.names;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.open;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.parseLines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.record;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One chain, INITIAL + INCREMENTAL + INCREMENTAL + FULL + INCREMENTAL, with updates, deletions and undeletions:
 * p1 {A a1, B b1, C c1}; p2 B->b2, D new; p3 C deleted; p4 FULL reads A a2, B b2, C c1, E e1 (D absent);
 * p5 D comes back as d2.
 */
@QuarkusTest
class PointInTimeReadTest {

    private static final String OBJECT = "Product2";

    private final UUID policy = UUID.randomUUID();
    private String p1;
    private String p2;
    private String p3;
    private String p4;
    private String p5;

    @BeforeEach
    void buildTheChain() {
        p1 = open(policy, OBJECT, "INITIAL");
        ingest(p1, 1, lines(record("01tA", "a1"), record("01tB", "b1")));
        ingest(p1, 2, lines(record("01tC", "c1")));
        committed(p1);

        p2 = open(policy, OBJECT, "INCREMENTAL");
        ingest(p2, 1, lines(record("01tB", "b2"), record("01tD", "d1")));
        committed(p2);

        p3 = open(policy, OBJECT, "INCREMENTAL");
        delete(p3, 1, "01tC");
        committed(p3);

        p4 = open(policy, OBJECT, "FULL");
        batch(p4, 1, lines(record("01tA", "a2"), record("01tB", "b2"))).then()
                .body("recordsChanged", equalTo(1)).body("recordsUnchanged", equalTo(1));
        batch(p4, 2, lines(record("01tC", "c1"), record("01tE", "e1"))).then().body("recordsNew", equalTo(2));
        given().post("/api/v1/restore-points/" + p4 + "/end-of-full-scan").then().statusCode(200)
                .body("recordsDeleted", equalTo(1));
        committed(p4);

        p5 = open(policy, OBJECT, "INCREMENTAL");
        ingest(p5, 1, lines(record("01tD", "d2")));
        committed(p5);
    }

    @Test
    void everyPointReadsTheObjectAsItWasThen() {
        assertEquals(Map.of("01tA", "a1", "01tB", "b1", "01tC", "c1"), names(p1, OBJECT));
        assertEquals(Map.of("01tA", "a1", "01tB", "b2", "01tC", "c1", "01tD", "d1"), names(p2, OBJECT));
        assertEquals(Map.of("01tA", "a1", "01tB", "b2", "01tD", "d1"), names(p3, OBJECT));
        assertEquals(Map.of("01tA", "a2", "01tB", "b2", "01tC", "c1", "01tE", "e1"), names(p4, OBJECT));
        assertEquals(Map.of("01tA", "a2", "01tB", "b2", "01tC", "c1", "01tD", "d2", "01tE", "e1"), names(p5, OBJECT));
    }

    @Test
    void fullPointCountsNewChangedUnchangedAndDeleted() {
        given().get("/api/v1/restore-points/" + p4).then().statusCode(200)
                .body("kind", equalTo("FULL"))
                .body("counters.recordsNew", equalTo(2)).body("counters.recordsChanged", equalTo(1))
                .body("counters.recordsUnchanged", equalTo(1)).body("counters.recordsDeleted", equalTo(1));
    }

    @Test
    void aTimeReadsTheNewestPointCommittedByThen() {
        String committedAt = given().get("/api/v1/restore-points/" + p2).then().extract().path("committedAt");
        String body = given().get("/api/v1/objects/" + OBJECT + "/records?policyId=" + policy + "&at=" + committedAt)
                .then().statusCode(200).extract().asString();
        assertEquals(4, parseLines(body).size());
        String viaPath = given().get("/api/v1/restore-points/" + committedAt + "/objects/" + OBJECT + "/records?policyId=" + policy)
                .then().statusCode(200).extract().asString();
        assertEquals(body, viaPath);
        given().get("/api/v1/objects/" + OBJECT + "/records?policyId=" + policy + "&at=2000-01-01T00:00:00Z")
                .then().statusCode(200).body(equalTo(""));
        given().get("/api/v1/objects/" + OBJECT + "/records?at=2000-01-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/objects/" + OBJECT + "/records?policyId=" + policy + "&at=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anObjectNeverBackedUpReadsEmpty() {
        given().get("/api/v1/restore-points/" + p5 + "/objects/Pricebook2/records").then().statusCode(200).body(equalTo(""));
    }

    @Test
    void diffShowsAddedChangedAndDeletedWithFieldLevelBeforeAndAfter() {
        List<Map<String, Object>> changes = parseLines(given().get("/api/v1/restore-points/" + p1 + "/diff/" + p4)
                .then().statusCode(200).extract().asString());
        // C was deleted and came back unchanged, D came and went: neither differs between p1 and p4
        assertEquals(List.of("01tA", "01tB", "01tE"), changes.stream().map(c -> c.get("recordId")).toList());
        assertEquals("CHANGED", changes.get(0).get("change"));
        assertEquals(Map.of("Name", Map.of("before", "a1", "after", "a2")), changes.get(0).get("fields"));
        assertEquals("ADDED", changes.get(2).get("change"));
        assertEquals("e1", ((Map<?, ?>) changes.get(2).get("after")).get("Name"));

        List<Map<String, Object>> deleted = parseLines(given().get("/api/v1/restore-points/" + p2 + "/diff/" + p3 + "?object=" + OBJECT)
                .then().statusCode(200).extract().asString());
        assertEquals(1, deleted.size());
        assertEquals("DELETED", deleted.get(0).get("change"));
        assertEquals("c1", ((Map<?, ?>) deleted.get(0).get("before")).get("Name"));
    }

    @Test
    void versionsListEveryStoredVersionWithTheFieldsItChanged() {
        given().get("/api/v1/objects/" + OBJECT + "/records/01tB/versions?policyId=" + policy).then().statusCode(200)
                .body("restorePointId", contains(p1, p2))
                .body("changedFields", contains(List.of("Id", "Name"), List.of("Name")));
        given().get("/api/v1/objects/" + OBJECT + "/records/01tD/versions?policyId=" + policy).then().statusCode(200)
                .body("restorePointId", contains(p2, p4, p5))
                .body("tombstone", contains(false, true, false))
                .body("[1].contentHash", nullValue());
        String hash = given().get("/api/v1/objects/" + OBJECT + "/records/01tA/versions").then().extract().path("[0].contentHash");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        given().get("/api/v1/objects/" + OBJECT + "/records/nope/versions").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
