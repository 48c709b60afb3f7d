package dev.sfbackup.storage.restorepoint;

import static dev.sfbackup.storage.restorepoint.RestorePointApi.ORG;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.batch;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.commit;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.committed;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.delete;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.ingest;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.lines;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.names;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.open;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.read;
import static dev.sfbackup.storage.restorepoint.RestorePointApi.record;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.sfbackup.testing.MutableClock;
import dev.sfbackup.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RestorePointIngestTest {

    private final UUID policy = UUID.randomUUID();

    @Inject
    MutableClock clock;

    @Test
    void batchSentTwiceIsStoredOnceAndReportsTheFirstCounters() {
        String point = open(policy, "Account", "INITIAL");
        String body = lines(record("001A", "Acme"), record("001B", "Globex"));

        batch(point, 1, body).then().statusCode(200)
                .body("recordsNew", equalTo(2)).body("received", equalTo(2)).body("duplicate", equalTo(false));
        batch(point, 1, body).then().statusCode(200)
                .body("recordsNew", equalTo(2)).body("received", equalTo(2)).body("duplicate", equalTo(true));

        committed(point);
        given().get("/api/v1/restore-points/" + point).then().statusCode(200)
                .body("state", equalTo("COMMITTED")).body("counters.recordsNew", equalTo(2));
        given().get("/api/v1/objects/Account/records/001A/versions?policyId=" + policy).then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void aRecordTheFirstPointOfItsObjectReceivesTwiceIsOneVersionWithItsLastContent() {
        String point = open(policy, "Task", "INITIAL");
        batch(point, 1, lines(record("00TA", "Ann"), record("00TB", "Bob"))).then().statusCode(200)
                .body("recordsNew", equalTo(2));
        // a resumed read sends records again under a new seq; a record may also come twice in one batch
        batch(point, 70, lines(record("00TB", "Bob"), record("00TA", "Anne"), record("00TC", "Cid"), record("00TC", "Cyd")))
                .then().statusCode(200)
                .body("received", equalTo(4)).body("recordsNew", equalTo(1)).body("recordsChanged", equalTo(1))
                .body("recordsUnchanged", equalTo(1));
        committed(point);

        assertEquals(Map.of("00TA", "Anne", "00TB", "Bob", "00TC", "Cyd"), names(point, "Task"));
        given().get("/api/v1/objects/Task/records/00TA/versions?policyId=" + policy).then().body("size()", equalTo(1));
        given().get("/api/v1/restore-points/" + point).then()
                .body("counters.recordsNew", equalTo(3)).body("counters.recordsChanged", equalTo(1));
    }

    @Test
    void twoConcurrentDeliveriesOfOneBatchStoreItOnce() throws Exception {
        String point = open(policy, "Campaign", "INITIAL");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append(record(String.format("701%015d", i), "Campaign " + i)).append('\n');
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> calls = java.util.List.of(
                    pool.submit(() -> batch(point, 3, body.toString()).then().statusCode(200).extract().<Boolean>path("duplicate")),
                    pool.submit(() -> batch(point, 3, body.toString()).then().statusCode(200).extract().<Boolean>path("duplicate")));
            // exactly one of the two stored the batch; the other waited for it and reports a duplicate
            assertEquals(1, Boolean.compare(calls.get(0).get(), false) + Boolean.compare(calls.get(1).get(), false));
        } finally {
            pool.shutdown();
        }
        committed(point);
        given().get("/api/v1/restore-points/" + point).then().body("counters.recordsNew", equalTo(2000));
        assertEquals(2000, names(point, "Campaign").size());
    }

    @Test
    void unchangedRecordsAreCountedButNotStoredAgain() {
        String initial = open(policy, "Contact", "INITIAL");
        ingest(initial, 1, lines(record("003A", "Ann", "Age", 30), record("003B", "Bob")));
        committed(initial);

        String incremental = open(policy, "Contact", "INCREMENTAL");
        // same content spelled differently: key order, attributes, trailing zeros, +0000 vs Z
        String sameAnn = "{\"Age\":30.0,\"Name\":\"Ann\",\"Id\":\"003A\"}";
        String sameBob = "{\"Id\":\"003B\",\"Name\":\"Bob\",\"LastModifiedDate\":null}";
        batch(incremental, 1, lines(sameAnn, sameBob, record("003C", "Cid"))).then().statusCode(200)
                .body("recordsUnchanged", equalTo(2)).body("recordsNew", equalTo(1)).body("recordsChanged", equalTo(0));
        committed(incremental);

        given().get("/api/v1/objects/Contact/records/003A/versions?policyId=" + policy).then().body("size()", equalTo(1));
    }

    @Test
    void anIncrementalBatchStoresNewChangedAndRevivedRecordsWithTheirLastContentAndSkipsUnchangedOnes() {
        String initial = open(policy, "Quote", "INITIAL");
        ingest(initial, 1, lines(record("0Q0A", "Ann"), record("0Q0B", "Bob"), record("0Q0C", "Cid")));
        committed(initial);
        String deleting = open(policy, "Quote", "INCREMENTAL");
        delete(deleting, 1, "0Q0C");
        committed(deleting);

        String incremental = open(policy, "Quote", "INCREMENTAL");
        // Cid was deleted and is back (undeleted): a new version after the tombstone, counted as new; Ann comes twice
        // and her last content is the stored one
        batch(incremental, 1, lines(record("0Q0A", "Anne"), record("0Q0B", "Bobby"), record("0Q0C", "Cid"), record("0Q0D", "Dan"),
                record("0Q0A", "Ann")))
                .then().statusCode(200).body("received", equalTo(5))
                .body("recordsNew", equalTo(2)).body("recordsChanged", equalTo(1)).body("recordsUnchanged", equalTo(1));
        // a resumed read sends Bob again, changed once more, and Ann still unchanged
        batch(incremental, 9, lines(record("0Q0B", "Robert"), record("0Q0A", "Ann")))
                .then().statusCode(200).body("recordsChanged", equalTo(1)).body("recordsUnchanged", equalTo(1));
        committed(incremental);

        assertEquals(Map.of("0Q0A", "Ann", "0Q0B", "Robert", "0Q0C", "Cid", "0Q0D", "Dan"), names(incremental, "Quote"));
        assertEquals(Map.of("0Q0A", "Ann", "0Q0B", "Bob", "0Q0C", "Cid"), names(initial, "Quote"));
        given().get("/api/v1/objects/Quote/records/0Q0A/versions?policyId=" + policy).then().body("size()", equalTo(1));
        given().get("/api/v1/objects/Quote/records/0Q0B/versions?policyId=" + policy).then().body("size()", equalTo(2));
        given().get("/api/v1/objects/Quote/records/0Q0C/versions?policyId=" + policy).then().body("size()", equalTo(3));
    }

    @Test
    void aLineStoredAsItCameAndTheSameRecordSpelledOtherwiseAreOneVersion() {
        String initial = open(policy, "Case", "INITIAL");
        String canonical = "{\"Amount\":12.5,\"ClosedDate\":\"2026-01-02T03:04:05.000Z\",\"Id\":\"500C\",\"Subject\":\"Caf\u00e9 \\\"A\\\"\"}";
        batch(initial, 1, lines(canonical)).then().statusCode(200).body("recordsNew", equalTo(1));
        committed(initial);

        String incremental = open(policy, "Case", "INCREMENTAL");
        String restSpelling = "{\"attributes\":{\"type\":\"Case\"},\"Subject\":\"Caf\\u00e9 \\\"A\\\"\",\"Id\":\"500C\","
                + "\"Amount\":12.50,\"ClosedDate\":\"2026-01-02T03:04:05.000+0000\",\"Fax\":null}";
        batch(incremental, 1, lines(restSpelling)).then().statusCode(200)
                .body("recordsUnchanged", equalTo(1)).body("recordsChanged", equalTo(0));
    }

    @Test
    void aRecordSpreadOverTwoLinesOrTwoRecordsOnOneLineAreRefusedNamingTheLine() {
        String point = open(policy, "Campaign", "INITIAL");
        batch(point, 1, record("701A", "Fine") + "\n{\"Id\":\"701B\",\n\"Name\":\"Split\"}\n").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("line 2"));
        batch(point, 1, record("701A", "Fine") + " " + record("701B", "Same line") + "\n").then().statusCode(400)
                .body("errors.field", hasItem("line 1"));
        given().get("/api/v1/restore-points/" + point).then().body("counters.recordsNew", equalTo(0));
    }

    @Test
    void aRecordWithAFieldOutsideThePointsDescribeRefusesTheBatchNamingRecordAndField() {
        String point = open(policy, "Lead", "INITIAL");
        // canonical lines (the fast path) and REST spellings (parsed) are both checked
        batch(point, 1, lines(record("00QA", "Fine"), "{\"Id\":\"00QB\",\"Name\":\"Sneaky\",\"Zzz__c\":\"HACKED\"}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("line 2: Zzz__c")).body("errors.message", hasItem(containsString("describe")));
        batch(point, 1, lines(record("00QA", "Fine", "Hacked__c", "x"))).then().statusCode(400)
                .body("errors.field", hasItem("line 1: Hacked__c"));
        given().get("/api/v1/restore-points/" + point).then().body("counters.recordsNew", equalTo(0));

        batch(point, 1, lines(record("00QA", "Fine", "Industry", "Banking"))).then().statusCode(200).body("recordsNew", equalTo(1));
        committed(point);
        assertEquals(Map.of("00QA", "Fine"), names(point, "Lead"));
    }

    @Test
    void aBatchOverTheSizeLimitIsRefusedBeforeItFillsTheMemoryAndNothingIsStored() {
        String point = open(policy, "Order", "INITIAL");
        String bigRecord = record("801A", "x".repeat(4_100_000)); // the test profile allows 4,000,000 bytes per batch
        batch(point, 1, lines(bigRecord)).then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        given().get("/api/v1/restore-points/" + point).then().body("counters.recordsNew", equalTo(0));
        batch(point, 1, lines(record("801A", "small"))).then().statusCode(200).body("recordsNew", equalTo(1));
    }

    @Test
    void openPointIsInvisibleUntilCommitted() {
        String point = open(policy, "Lead", "INITIAL");
        ingest(point, 1, lines(record("00QA", "Lea")));

        read(point, "Lead").then().statusCode(409).contentType("application/problem+json");
        given().get("/api/v1/restore-points?policyId=" + policy).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/objects/Lead/records/00QA/versions").then().statusCode(404);

        committed(point);
        assertEquals(Map.of("00QA", "Lea"), names(point, "Lead"));
        given().get("/api/v1/restore-points?policyId=" + policy).then().body("total", equalTo(1))
                .body("items[0].id", equalTo(point));
    }

    @Test
    void discardedPointLeavesNothingBehind() {
        String initial = open(policy, "Case", "INITIAL");
        ingest(initial, 1, lines(record("500A", "First")));
        committed(initial);

        String doomed = open(policy, "Case", "INCREMENTAL");
        ingest(doomed, 1, lines(record("500A", "Changed"), record("500B", "New")));
        given().post("/api/v1/restore-points/" + doomed + "/discard").then().statusCode(200).body("state", equalTo("DISCARDED"));

        String next = open(policy, "Case", "INCREMENTAL");
        batch(next, 1, lines(record("500A", "First"))).then().body("recordsUnchanged", equalTo(1));
        committed(next);
        assertEquals(Map.of("500A", "First"), names(next, "Case"));
        given().get("/api/v1/objects/Case/records/500B/versions").then().statusCode(404);
        commit(doomed).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anAbandonedOpenPointIsDiscardedWhenTheNextOneOpens() {
        String crashed = open(policy, "Task", "INITIAL");
        ingest(crashed, 1, lines(record("00TA", "Half written")));

        String retry = open(policy, "Task", "INITIAL");
        given().get("/api/v1/restore-points/" + crashed).then().body("state", equalTo("DISCARDED"));
        ingest(retry, 1, lines(record("00TB", "Complete")));
        committed(retry);

        assertEquals(java.util.Set.of("00TB"), names(retry, "Task").keySet());
    }

    @Test
    void anOpenRepeatedUnderTheCallersIdAnswersThePointItOpenedAndKeepsWhatItHolds() {
        UUID id = UUID.randomUUID();
        Map<String, Object> request = Map.of("id", id, "policyId", policy, "sessionId", UUID.randomUUID(), "orgId",
                RestorePointApi.ORG, "object", "Contract", "kind", "INITIAL", "schema", Map.of("name", "Contract", "fields",
                        RestorePointApi.DESCRIBED.stream().map(name -> Map.of("name", name)).toList()));
        given().contentType(ContentType.JSON).body(request).post("/api/v1/restore-points").then().statusCode(201)
                .body("id", equalTo(id.toString()));
        ingest(id.toString(), 1, lines(record("800A", "Signed")));

        given().contentType(ContentType.JSON).body(request).post("/api/v1/restore-points").then().statusCode(201)
                .body("id", equalTo(id.toString())).body("state", equalTo("OPEN"));
        committed(id.toString());
        assertEquals(Map.of("800A", "Signed"), names(id.toString(), "Contract"));

        Map<String, Object> otherSession = new java.util.HashMap<>(request);
        otherSession.put("sessionId", UUID.randomUUID());
        given().contentType(ContentType.JSON).body(otherSession).post("/api/v1/restore-points").then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        given().contentType(ContentType.JSON).body(request).post("/api/v1/restore-points").then().statusCode(409)
                .body("detail", containsString("COMMITTED"));
        given().get("/api/v1/restore-points?policyId=" + policy).then().body("total", equalTo(1));
    }

    @Test
    void badLineRejectsTheWholeBatchAndTheSameSeqCanBeRetried() {
        String point = open(policy, "Opportunity", "INITIAL");
        String broken = lines(record("006A", "Fine"), "{\"Name\":\"no id\"}");

        batch(point, 7, broken).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("line 2: Id")));
        batch(point, 7, "{not json\n").then().statusCode(400).body("errors.field", hasItem("line 1"));
        given().get("/api/v1/restore-points/" + point).then().body("counters.recordsNew", equalTo(0));

        batch(point, 7, lines(record("006A", "Fine"))).then().statusCode(200)
                .body("duplicate", equalTo(false)).body("recordsNew", equalTo(1));
    }

    @Test
    void latestContentHashesAreThoseOfTheLatestCommittedVersionsOfLiveRecords() throws Exception {
        String ann = "{\"Id\":\"00QA\",\"Name\":\"Ann\"}";
        String anne = "{\"Id\":\"00QA\",\"Name\":\"Anne\"}";
        String bob = "{\"Id\":\"00QB\",\"Name\":\"Bob\"}";
        String cid = "{\"Id\":\"00QC\",\"Name\":\"Cid\"}";
        assertEquals(Map.of(), contentHashes("Lead", "00QA"), "nothing stored yet");
        String first = open(policy, "Lead", "INITIAL");
        ingest(first, 1, lines(ann, bob, cid));
        committed(first);
        String second = open(policy, "Lead", "INCREMENTAL");
        ingest(second, 1, lines(anne));
        delete(second, 1, "00QB");

        Map<String, String> expected = Map.of("00QA", sha256(ann), "00QB", sha256(bob), "00QC", sha256(cid));
        assertEquals(expected, contentHashes("Lead", "00QA", "00QB", "00QC", "00QZ"), "an open point's versions do not count");
        committed(second);
        assertEquals(Map.of("00QA", sha256(anne), "00QC", sha256(cid)), contentHashes("Lead", "00QA", "00QB", "00QC", "00QZ"),
                "the changed record's new content; the deleted and the unknown record absent");
        assertEquals(Map.of(), given().contentType(ContentType.JSON).body(Map.of("ids", java.util.List.of("00QA")))
                .post("/api/v1/latest-versions/" + policy + "/Lead/content-hashes?orgId=00D000000000002EAA")
                .then().statusCode(200).extract().jsonPath().getMap("byId"), "another org's records are another stream");

        given().contentType(ContentType.JSON).body("{}").post("/api/v1/latest-versions/" + policy + "/Lead/content-hashes?orgId=" + ORG)
                .then().statusCode(400).contentType("application/problem+json").body(containsString("ids"));
        given().contentType(ContentType.JSON).body(Map.of("ids", java.util.List.of("00QA")))
                .post("/api/v1/latest-versions/" + policy + "/Lead;drop/content-hashes?orgId=" + ORG)
                .then().statusCode(400).contentType("application/problem+json").body(containsString("object"));
        given().contentType(ContentType.JSON).body(Map.of("ids", java.util.List.of("00QA")))
                .post("/api/v1/latest-versions/" + policy + "/Lead/content-hashes")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("orgId"));
    }

    private Map<String, String> contentHashes(String object, String... ids) {
        return given().contentType(ContentType.JSON).body(Map.of("ids", java.util.List.of(ids)))
                .post("/api/v1/latest-versions/" + policy + "/" + object + "/content-hashes?orgId=" + ORG)
                .then().statusCode(200).extract().jsonPath().getMap("byId", String.class, String.class);
    }

    private static String sha256(String line) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void watermarkIsStoredWithTheCommitAndNeverMovesBack() {
        given().get("/api/v1/watermarks/" + policy + "/Account").then().statusCode(404).contentType("application/problem+json");

        String first = open(policy, "Account", "INITIAL");
        given().contentType(ContentType.JSON).body(Map.of("watermarkField", "SystemModstamp", "watermark", "2026-03-01T10:00:00Z"))
                .post("/api/v1/restore-points/" + first + "/commit").then().statusCode(200).body("state", equalTo("COMMITTED"));
        given().get("/api/v1/watermarks/" + policy + "/Account").then().statusCode(200)
                .body("field", equalTo("SystemModstamp")).body("value", equalTo("2026-03-01T10:00:00Z"));

        String late = open(policy, "Account", "INCREMENTAL");
        given().contentType(ContentType.JSON).body(Map.of("watermarkField", "SystemModstamp", "watermark", "2026-02-01T00:00:00Z"))
                .post("/api/v1/restore-points/" + late + "/commit").then().statusCode(200);
        given().get("/api/v1/watermarks/" + policy + "/Account").then().body("value", equalTo("2026-03-01T10:00:00Z"));
    }

    @Test
    void aWatermarkInTheFutureIsRefusedSoNoLaterRunSkipsChanges() {
        String point = open(policy, "Opportunity", "INITIAL");
        String inAnHour = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (String future : new String[] {"2099-01-01T00:00:00Z", inAnHour}) {
            given().contentType(ContentType.JSON).body(Map.of("watermarkField", "SystemModstamp", "watermark", future))
                    .post("/api/v1/restore-points/" + point + "/commit").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("watermark"));
        }
        given().get("/api/v1/restore-points/" + point).then().body("state", equalTo("OPEN"));
        given().get("/api/v1/watermarks/" + policy + "/Opportunity").then().statusCode(404);

        // the same instant is accepted once the service's clock has reached it
        clock.advance(Duration.ofHours(2));
        try {
            given().contentType(ContentType.JSON).body(Map.of("watermarkField", "SystemModstamp", "watermark", inAnHour))
                    .post("/api/v1/restore-points/" + point + "/commit").then().statusCode(200);
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
        given().get("/api/v1/watermarks/" + policy + "/Opportunity").then().body("value", equalTo(inAnHour));
    }

    @Test
    void deletionsAreIdempotentAndIgnoreUnknownIds() {
        String initial = open(policy, "Asset", "INITIAL");
        ingest(initial, 1, lines(record("02iA", "Pump"), record("02iB", "Valve")));
        committed(initial);

        String incremental = open(policy, "Asset", "INCREMENTAL");
        Map<String, Object> body = Map.of("ids", java.util.List.of("02iA", "02iZ"), "seq", 1);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/restore-points/" + incremental + "/deletions")
                .then().statusCode(200).body("recordsDeleted", equalTo(1)).body("duplicate", equalTo(false));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/restore-points/" + incremental + "/deletions")
                .then().statusCode(200).body("recordsDeleted", equalTo(1)).body("duplicate", equalTo(true));
        committed(incremental);

        assertEquals(java.util.Set.of("02iB"), names(incremental, "Asset").keySet());
        given().get("/api/v1/restore-points/" + incremental).then().body("counters.recordsDeleted", equalTo(1));
    }

    @Test
    void badRequestsAreProblemsThatNameTheField() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "kind", "INITIAL"))
                .post("/api/v1/restore-points").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("policyId")).body("errors.field", hasItem("orgId"))
                .body("errors.field", hasItem("sessionId"));
        given().contentType(ContentType.JSON).body(Map.of("policyId", policy, "sessionId", UUID.randomUUID(), "orgId", "00D1",
                "object", "Account; DROP", "kind", "INITIAL"))
                .post("/api/v1/restore-points").then().statusCode(400).body("errors.field", hasItem("object"));
        given().contentType(ContentType.JSON).body("{\"policyId\":\"" + policy + "\",\"kind\":\"WEEKLY\"}")
                .post("/api/v1/restore-points").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("kind"));
        given().get("/api/v1/restore-points/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("id"));
        given().get("/api/v1/restore-points/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/restore-points?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/api/v1/restore-points?state=SOON").then().statusCode(400).body("errors.field", hasItem("state"));

        String point = open(policy, "Account", "INITIAL");
        batch(point, -1, lines(record("001A", "x"))).then().statusCode(400).body("errors.field", hasItem("seq"));
        given().contentType(ContentType.JSON).body(Map.of("ids", java.util.List.of("001A")))
                .post("/api/v1/restore-points/" + point + "/deletions").then().statusCode(400).body("errors.field", hasItem("seq"));
        given().contentType(ContentType.JSON).body(Map.of("watermark", "2026-01-01T00:00:00Z"))
                .post("/api/v1/restore-points/" + point + "/commit").then().statusCode(400)
                .body("errors.field", hasItem("watermarkField"));
        given().post("/api/v1/restore-points/" + point + "/end-of-full-scan").then().statusCode(200)
                .body("recordsDeleted", equalTo(0));
        given().get("/api/v1/restore-points/" + point).then().body("state", equalTo("OPEN"));
        given().get("/api/v1/restore-points?state=OPEN&policyId=" + policy).then().body("items.id", hasItem(point))
                .body("items.state", not(hasItem("COMMITTED")));
    }
}
