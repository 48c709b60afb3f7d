package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest {

    @BeforeEach
    void demoOrg() {
        TestOrg.reset(Map.of());
    }

    @Test
    void resetRecreatesTheOrgWithTheGivenSizesAndSameSeedGivesSameData() {
        given().contentType(ContentType.JSON).body(Map.of("seed", 7, "objects", Map.of("Account", 30, "Contact", 90),
                        "files", Map.of("count", 3, "meanBytes", 1000)))
                .post("/emulator/admin/reset").then().statusCode(200)
                .body("seed", equalTo(7))
                .body("objects.find { it.name == 'Account' }.records", equalTo(30))
                .body("objects.find { it.name == 'Contact' }.records", equalTo(90))
                .body("objects.find { it.name == 'ContentVersion' }.records", equalTo(3))
                .body("objects.find { it.name == 'Case' }.records", equalTo(4000));
        String first = given().get("/emulator/admin/objects/Account/records").asString();
        given().contentType(ContentType.JSON).body(Map.of("seed", 7, "objects", Map.of("Account", 30))).post("/emulator/admin/reset");
        assertEquals(first, given().get("/emulator/admin/objects/Account/records").asString());
        given().contentType(ContentType.JSON).body(Map.of("seed", 8, "objects", Map.of("Account", 30))).post("/emulator/admin/reset");
        assertNotEquals(first, given().get("/emulator/admin/objects/Account/records").asString());
    }

    @Test
    void resetRejectsUnknownObjectsWithAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("objects", Map.of("Nope", 3)))
                .post("/emulator/admin/reset").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("objects.Nope"));
    }

    @Test
    void recordsStreamAsNdjsonGroundTruth() throws Exception {
        String body = given().get("/emulator/admin/objects/Contact/records").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        String[] lines = body.split("\n");
        assertEquals(5000, lines.length);
        Map<?, ?> first = new ObjectMapper().readValue(lines[0], Map.class);
        assertTrue(first.containsKey("AccountId") && first.containsKey("SystemModstamp") && !first.containsKey("attributes"));
    }

    @Test
    void mutateChangesRecordsAndAnswersWithTheirIds() {
        Map<String, List<String>> result = given().contentType(ContentType.JSON)
                .body(Map.of("object", "Account", "update", 10, "delete", 2, "insert", 5, "set", Map.of("Industry", "Energy")))
                .post("/emulator/admin/mutate").then().statusCode(200)
                .body("updated", hasSize(10)).body("deleted", hasSize(2)).body("inserted", hasSize(5)).body("undeleted", hasSize(0))
                .extract().as(Map.class);
        TestOrg.api().queryParam("q", "SELECT COUNT() FROM Account").get(TestOrg.DATA + "/query").then().body("totalSize", equalTo(2003));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/" + result.get("updated").get(0)).then().body("Industry", equalTo("Energy"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "undelete", 1))
                .post("/emulator/admin/mutate").then().statusCode(200).body("undeleted", hasSize(1));
        given().contentType(ContentType.JSON).body(Map.of("object", "Nope", "update", 1))
                .post("/emulator/admin/mutate").then().statusCode(400).body("errors[0].field", equalTo("object"));
    }

    @Test
    void anUpdateStampedInThePastHasThatSystemModstamp() {
        java.time.Instant before = java.time.Instant.now();
        String id = given().contentType(ContentType.JSON).body(Map.of("object", "Account", "update", 1, "stampedSecondsAgo", 600))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().path("updated[0]");
        java.time.Instant after = java.time.Instant.now();
        java.time.Instant stamp = java.time.Instant.parse(TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/" + id)
                .then().statusCode(200).extract().<String>path("SystemModstamp").replace("+0000", "Z"));
        assertFalse(stamp.isBefore(before.minusSeconds(600).minusMillis(1)) || stamp.isAfter(after.minusSeconds(600).plusMillis(1)),
                stamp + " is 600 s before the request");
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "update", 1, "stampedSecondsAgo", -1))
                .post("/emulator/admin/mutate").then().statusCode(400).body("errors[0].field", equalTo("stampedSecondsAgo"));
    }

    @Test
    void addedFieldShowsInDescribeAndIsEmptyOnExistingRecords() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Tier__c", "type", "string"))
                .post("/emulator/admin/fields").then().statusCode(201);
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/describe").then()
                .body("fields.find { it.name == 'Tier__c' }.custom", equalTo(true))
                .body("fields.find { it.name == 'Tier__c' }.type", equalTo("string"));
        TestOrg.api().queryParam("q", "SELECT Tier__c FROM Account LIMIT 1").get(TestOrg.DATA + "/query").then()
                .body("records[0].Tier__c", nullValue());
        String id = given().contentType(ContentType.JSON).body(Map.of("object", "Account", "insert", 1))
                .post("/emulator/admin/mutate").then().extract().path("inserted[0]");
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/" + id).then().body("Tier__c", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Tier__c", "type", "string"))
                .post("/emulator/admin/fields").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Bad__c", "type", "blob"))
                .post("/emulator/admin/fields").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void anAddedCustomLookupIsDescribedWithItsTargetAndItsChildRelationship() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Primary_Contact__c", "type", "reference",
                "referenceTo", "Contact")).post("/emulator/admin/fields").then().statusCode(201);
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Account/describe").then()
                .body("fields.find { it.name == 'Primary_Contact__c' }.type", equalTo("reference"))
                .body("fields.find { it.name == 'Primary_Contact__c' }.referenceTo", equalTo(List.of("Contact")))
                .body("fields.find { it.name == 'Primary_Contact__c' }.relationshipName", equalTo("Primary_Contact__r"));
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Contact/describe").then()
                .body("childRelationships.find { it.field == 'Primary_Contact__c' }.childSObject", equalTo("Account"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Account", "name", "Other__c", "type", "reference"))
                .post("/emulator/admin/fields").then().statusCode(400).body("errors[0].field", equalTo("referenceTo"));
    }

    @Test
    void addedCustomObjectIsDescribedAndQueryable() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Invoice__c", "records", 100,
                        "fields", List.of(Map.of("name", "Amount__c", "type", "currency"))))
                .post("/emulator/admin/objects").then().statusCode(201).body("keyPrefix", notNullValue());
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().body("sobjects.name", hasItem("Invoice__c"))
                .body("sobjects.find { it.name == 'Invoice__c' }.custom", equalTo(true));
        TestOrg.api().queryParam("q", "SELECT Id, Name, Amount__c, SystemModstamp FROM Invoice__c").get(TestOrg.DATA + "/query")
                .then().statusCode(200).body("totalSize", equalTo(100)).body("records[0].Amount__c", notNullValue());
    }

    @Test
    void objectsCanRequireAFilterLikeContentDocumentLink() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Link__c", "records", 10,
                        "fields", List.of(Map.of("name", "Target__c", "type", "string")), "requireFilterOn", List.of("Target__c")))
                .post("/emulator/admin/objects").then().statusCode(201);
        TestOrg.api().queryParam("q", "SELECT Id FROM Link__c").get(TestOrg.DATA + "/query").then().statusCode(400)
                .body("[0].errorCode", equalTo("MALFORMED_QUERY"))
                .body("[0].message", containsString("Implementation restriction: Link__c requires a filter"));
        TestOrg.api().queryParam("q", "SELECT Id FROM Link__c WHERE Target__c IN ('a', 'b')").get(TestOrg.DATA + "/query")
                .then().statusCode(200);
    }

    @Test
    void objectFaultsFailItsQueriesForTheGivenNumberOfTimes() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "errorCode", "QUERY_TIMEOUT", "times", 2))
                .post("/emulator/admin/faults").then().statusCode(201).body("status", equalTo(400));
        for (int i = 0; i < 2; i++) {
            TestOrg.api().queryParam("q", "SELECT Id FROM Contact").get(TestOrg.DATA + "/query").then().statusCode(400)
                    .body("[0].errorCode", equalTo("QUERY_TIMEOUT"));
        }
        TestOrg.api().queryParam("q", "SELECT Id FROM Contact").get(TestOrg.DATA + "/query").then().statusCode(200);
        TestOrg.api().queryParam("q", "SELECT Id FROM Account").get(TestOrg.DATA + "/query").then().statusCode(200);
    }

    @Test
    void queryTimeoutOnABulkJobFailsTheJob() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "errorCode", "QUERY_TIMEOUT", "times", 1))
                .post("/emulator/admin/faults").then().statusCode(201);
        String token = TestOrg.token();
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("operation", "query", "query", "SELECT Id FROM Contact"))
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(200).extract().path("id");
        given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId).then()
                .body("state", equalTo("Failed")).body("errorMessage", containsString("QUERY_TIMEOUT"));
    }

    @Test
    void queryTimeoutLimitedToLargeJobsFailsOnlyJobsOverThatManyRecords() {
        TestOrg.reset(Map.of("objects", Map.of("Contact", 100)));
        given().contentType(ContentType.JSON)
                .body(Map.of("object", "Contact", "errorCode", "QUERY_TIMEOUT", "times", -1, "jobRecordsAbove", 60))
                .post("/emulator/admin/faults").then().statusCode(201).body("jobRecordsAbove", equalTo(60));
        String sixtyFirst = TestOrg.api().queryParam("q", "SELECT Id FROM Contact ORDER BY Id LIMIT 1 OFFSET 60")
                .get(TestOrg.DATA + "/query").then().statusCode(200).extract().path("records[0].Id");

        assertEquals("Failed", bulkJobState("SELECT Id FROM Contact"), "100 records: above the limit");
        assertEquals("Failed", bulkJobState("SELECT Id FROM Contact WHERE Id <= '" + sixtyFirst + "'"), "61 records");
        assertEquals("JobComplete", bulkJobState("SELECT Id FROM Contact WHERE Id < '" + sixtyFirst + "'"), "60 records");
        assertEquals("JobComplete", bulkJobState("SELECT Id FROM Contact WHERE Id >= '" + sixtyFirst + "'"), "40 records");
    }

    @Test
    void aJobSizeLimitMustBeZeroOrMoreAndNotComeWithAResultSetLimit() {
        given().contentType(ContentType.JSON).body(Map.of("errorCode", "QUERY_TIMEOUT", "jobRecordsAbove", -1))
                .post("/emulator/admin/faults").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("jobRecordsAbove"));
        given().contentType(ContentType.JSON)
                .body(Map.of("errorCode", "QUERY_TIMEOUT", "jobRecordsAbove", 10, "maxRecordsAbove", 10))
                .post("/emulator/admin/faults").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("jobRecordsAbove"));
        given().get("/emulator/admin/faults").then().statusCode(200).body("$", hasSize(0));
    }

    private static String bulkJobState(String soql) {
        String token = TestOrg.token();
        String jobId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("operation", "query", "query", soql))
                .post(TestOrg.DATA + "/jobs/query").then().statusCode(200).extract().path("id");
        String state = "UploadComplete";
        // each poll moves an emulated job one step on
        for (int poll = 0; poll < 5 && (state.equals("UploadComplete") || state.equals("InProgress")); poll++) {
            state = given().auth().oauth2(token).get(TestOrg.DATA + "/jobs/query/" + jobId).then().statusCode(200)
                    .extract().path("state");
        }
        return state;
    }

    @Test
    void orgWideFaultsHitEveryDataCallAndClearing() {
        given().contentType(ContentType.JSON).body(Map.of("errorCode", "SERVER_UNAVAILABLE"))
                .post("/emulator/admin/faults").then().statusCode(201);
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().statusCode(503).body("[0].errorCode", equalTo("SERVER_UNAVAILABLE"));
        given().delete("/emulator/admin/faults").then().statusCode(204);
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().statusCode(200);
    }

    @Test
    void aHoldFaultKeepsMatchingCallsWaitingUntilItIsRemovedAndLetsOtherCallsThrough() throws Exception {
        TestOrg.reset(Map.of("objects", Map.of("Contact", 2500)));
        int id = given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "call", "queryMore", "hold", true, "times", 1))
                .post("/emulator/admin/faults").then().statusCode(201).body("hold", equalTo(true)).extract().path("id");
        String next = TestOrg.api().queryParam("q", "SELECT Id FROM Contact").get(TestOrg.DATA + "/query").then().statusCode(200)
                .body("records", hasSize(2000)).extract().path("nextRecordsUrl");
        String token = TestOrg.token();
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(
                () -> given().auth().oauth2(token).get(next).then().extract().statusCode());
        assertTrue(awaitHeld(id, 1), "the queryMore call is held");
        TestOrg.api().queryParam("q", "SELECT Id FROM Contact").get(TestOrg.DATA + "/query").then().statusCode(200);
        TestOrg.api().queryParam("q", "SELECT Id FROM Account").get(TestOrg.DATA + "/query").then().statusCode(200);
        assertFalse(held.isDone(), "still held while other calls pass");

        given().delete("/emulator/admin/faults/" + id).then().statusCode(204);
        assertEquals(200, held.get(30, TimeUnit.SECONDS), "removing the fault lets the held call go on");
        given().get("/emulator/admin/faults").then().statusCode(200).body("$", hasSize(0));
        given().delete("/emulator/admin/faults/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aHoldFaultTakesNoErrorOrLatencyAndACallNeedsAnObjectItKnows() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "hold", true, "errorCode", "QUERY_TIMEOUT"))
                .post("/emulator/admin/faults").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("hold"));
        given().contentType(ContentType.JSON).body(Map.of("call", "queryMore", "hold", true))
                .post("/emulator/admin/faults").then().statusCode(400).body("errors[0].field", equalTo("call"));
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "call", "upsert", "hold", true))
                .post("/emulator/admin/faults").then().statusCode(400).body("errors[0].field", equalTo("call"));
        given().get("/emulator/admin/faults").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aFaultNarrowedToDescribeFailsOnlyTheDescribe() {
        given().contentType(ContentType.JSON).body(Map.of("object", "Contact", "call", "describe", "errorCode", "QUERY_TIMEOUT"))
                .post("/emulator/admin/faults").then().statusCode(201);
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Contact/describe").then().statusCode(400)
                .body("[0].errorCode", equalTo("QUERY_TIMEOUT"));
        TestOrg.api().queryParam("q", "SELECT Id FROM Contact").get(TestOrg.DATA + "/query").then().statusCode(200);
    }

    /** Polls the fault list until the fault holds that many calls (a condition, not a wait long enough). */
    private static boolean awaitHeld(int id, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Integer> held = given().get("/emulator/admin/faults").then().statusCode(200).extract()
                    .path("findAll { it.id == " + id + " }.held");
            if (!held.isEmpty() && held.get(0) == calls) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Test
    void latencyFaultSlowsCalls() {
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 300, "times", 1)).post("/emulator/admin/faults").then().statusCode(201);
        String token = TestOrg.token();
        long start = System.nanoTime();
        given().auth().oauth2(token).get(TestOrg.DATA + "/limits").then().statusCode(200);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300);
    }

    @Test
    void usageIsCountedAndTheDailyLimitIsEnforced() {
        String token = TestOrg.token();
        given().contentType(ContentType.JSON).body(Map.of("used", 0, "limit", 3)).post("/emulator/admin/usage").then().statusCode(200);
        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(token).get(TestOrg.DATA + "/limits").then().statusCode(200)
                    .header("Sforce-Limit-Info", "api-usage=" + i + "/3");
        }
        given().auth().oauth2(token).get(TestOrg.DATA + "/limits").then().statusCode(403)
                .body("[0].errorCode", equalTo("REQUEST_LIMIT_EXCEEDED"))
                .header("Sforce-Limit-Info", "api-usage=3/3");
        given().get("/emulator/admin/usage").then().body("apiCalls", equalTo(3)).body("dailyLimit", equalTo(3));
    }

    @Test
    void fileBodiesStreamWithTheirSizeAndAreStable() {
        given().contentType(ContentType.JSON).body(Map.of("files", Map.of("count", 4, "meanBytes", 50000))).post("/emulator/admin/reset");
        Map<String, Object> file = TestOrg.api().queryParam("q", "SELECT Id, ContentSize, VersionData FROM ContentVersion LIMIT 1")
                .get(TestOrg.DATA + "/query").then().extract().path("records[0]");
        assertTrue(((String) file.get("VersionData")).endsWith("/sobjects/ContentVersion/" + file.get("Id") + "/VersionData"));
        byte[] body = TestOrg.api().get((String) file.get("VersionData")).then().statusCode(200)
                .header("Content-Length", String.valueOf(file.get("ContentSize"))).extract().asByteArray();
        assertEquals(((Number) file.get("ContentSize")).intValue(), body.length);
        assertArrayEquals(body, TestOrg.api().get((String) file.get("VersionData")).asByteArray());
        String attachment = TestOrg.api().queryParam("q", "SELECT Id FROM Attachment LIMIT 1").get(TestOrg.DATA + "/query")
                .then().extract().path("records[0].Id");
        TestOrg.api().get(TestOrg.DATA + "/sobjects/Attachment/" + attachment + "/Body").then().statusCode(200);
    }
}
