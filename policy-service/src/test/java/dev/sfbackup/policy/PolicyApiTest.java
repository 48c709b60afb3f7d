package dev.sfbackup.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.policy.support.SessionServiceStub;
import dev.sfbackup.policy.support.StorageServiceStub;
import dev.sfbackup.policy.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyApiTest {

    private String connectionId;

    @BeforeEach
    void connection() {
        connectionId = TestData.createConnection();
    }

    @Test
    void minimalPolicyGetsEveryDefault() {
        String name = TestData.unique("defaults");
        given().contentType(ContentType.JSON).body(TestData.minimalPolicy(name, connectionId))
                .when().post("/api/v1/policies")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/policies/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(name))
                .body("enabled", equalTo(true))
                .body("connectionId", equalTo(connectionId))
                .body("scope.objects", equalTo(List.of("all")))
                .body("scope.exclude", hasSize(0))
                .body("scope.autoAddNewObjects", equalTo(true))
                .body("scope.autoAddNewFields", equalTo(true))
                .body("scope.includeFiles", equalTo(true))
                .body("scope.includeMetadata", equalTo(true))
                .body("scope.fieldExclusions.size()", equalTo(0))
                .body("schedule", nullValue())
                .body("retentionDays", equalTo(30))
                .body("options.largeObjectThreshold", equalTo(20000000))
                .body("options.inactivityTimeout", equalTo("PT24H"))
                .body("options.parallelism", equalTo(4))
                .body("options.apiBudgetPercent", equalTo(50))
                .body("version", equalTo(0));
    }

    @Test
    void policyKeepsEverySettingItWasGiven() {
        String repositoryId = UUID.randomUUID().toString();
        Map<String, Object> body = fullPolicy(TestData.unique("full"), repositoryId);
        String id = TestData.createPolicy(body);
        given().when().get("/api/v1/policies/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("enabled", equalTo(false))
                .body("repositoryId", equalTo(repositoryId))
                .body("scope.objects", equalTo(List.of("Account", "Contact", "Invoice__c")))
                .body("scope.exclude", equalTo(List.of("Contact")))
                .body("scope.autoAddNewObjects", equalTo(false))
                .body("scope.autoAddNewFields", equalTo(true))
                .body("scope.includeFiles", equalTo(false))
                .body("scope.includeMetadata", equalTo(true))
                .body("scope.fieldExclusions.Account", equalTo(List.of("Secret__c")))
                .body("schedule.cron", equalTo("0 30 2 * * ?"))
                .body("schedule.timeZone", equalTo("Europe/Paris"))
                .body("retentionDays", equalTo(90))
                .body("options.largeObjectThreshold", equalTo(1000))
                .body("options.inactivityTimeout", equalTo("PT30S"))
                .body("options.parallelism", equalTo(2))
                .body("options.apiBudgetPercent", equalTo(25));
        given().when().get("/api/v1/policies").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void scheduleWithoutTimeZoneIsReadInUtc() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("utc"), connectionId));
        body.put("schedule", Map.of("cron", "0 0 3 ? * MON-FRI"));
        String id = TestData.createPolicy(body);
        given().when().get("/api/v1/policies/" + id).then().body("schedule.timeZone", equalTo("UTC"));
    }

    @Test
    void manualOnlyPolicyNeedsNoRepositoryWhenFilesAndMetadataAreLeftOut() {
        Map<String, Object> body = Map.of("name", TestData.unique("records-only"), "connectionId", connectionId,
                "scope", Map.of("includeFiles", false, "includeMetadata", false));
        String id = TestData.createPolicy(body);
        given().when().get("/api/v1/policies/" + id).then().body("repositoryId", nullValue());
    }

    @Test
    void updateWithTheCurrentETagReplacesThePolicyAndBumpsTheVersion() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("upd"), connectionId));
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("upd-renamed"), connectionId));
        body.put("retentionDays", 7);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/policies/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("name", equalTo(body.get("name")))
                .body("retentionDays", equalTo(7));
    }

    @Test
    void updateOmittingEnabledKeepsTheCurrentState() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("keep-disabled"), connectionId));
        body.put("enabled", false);
        String id = TestData.createPolicy(body);
        body.remove("enabled");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/policies/" + id).then().statusCode(200).body("enabled", equalTo(false));
    }

    @Test
    void twoAdminsEditingTheSamePolicyCannotOverwriteEachOther() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("race"), connectionId));
        Map<String, Object> first = new HashMap<>(TestData.minimalPolicy(TestData.unique("race-first"), connectionId));
        Map<String, Object> second = new HashMap<>(TestData.minimalPolicy(TestData.unique("race-second"), connectionId));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(first)
                .when().put("/api/v1/policies/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(second)
                .when().put("/api/v1/policies/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString("version 1"));
        given().when().get("/api/v1/policies/" + id).then().body("name", equalTo(first.get("name"))).body("version", equalTo(1));
        given().header("If-Match", "\"0\"").when().delete("/api/v1/policies/" + id).then().statusCode(412);
        given().when().get("/api/v1/policies/" + id).then().statusCode(200);
    }

    @Test
    void updateAndDeleteRequireIfMatch() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("nomatch"), connectionId));
        given().contentType(ContentType.JSON).body(TestData.minimalPolicy(TestData.unique("x"), connectionId))
                .when().put("/api/v1/policies/" + id)
                .then().statusCode(428).contentType("application/problem+json").body("errors.field", hasItem("If-Match"));
        given().when().delete("/api/v1/policies/" + id).then().statusCode(428);
        given().header("If-Match", "soon").when().delete("/api/v1/policies/" + id)
                .then().statusCode(400).body("errors.field", hasItem("If-Match"));
        given().when().get("/api/v1/policies/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void deleteWithTheCurrentETagRemovesThePolicy() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("del"), connectionId));
        given().header("If-Match", "\"0\"").when().delete("/api/v1/policies/" + id).then().statusCode(204);
        given().when().get("/api/v1/policies/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/policies/" + id + "/history").then().statusCode(404);
    }

    @Test
    void disableAndEnableAreRecordedInTheHistory() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("toggle"), connectionId));
        given().when().post("/api/v1/policies/" + id + "/disable")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("enabled", equalTo(false));
        given().when().post("/api/v1/policies/" + id + "/disable").then().statusCode(200).body("version", equalTo(1));
        given().header("If-Match", "\"0\"").when().post("/api/v1/policies/" + id + "/enable").then().statusCode(412);
        given().header("If-Match", "\"1\"").when().post("/api/v1/policies/" + id + "/enable")
                .then().statusCode(200).body("enabled", equalTo(true)).body("version", equalTo(2));
        given().when().get("/api/v1/policies/" + id + "/history")
                .then().statusCode(200)
                .body("change", equalTo(List.of("CREATED", "DISABLED", "ENABLED")))
                .body("version", equalTo(List.of(0, 1, 2)));
        given().when().post("/api/v1/policies/" + UUID.randomUUID() + "/enable").then().statusCode(404);
    }

    @Test
    void aPolicyRefersOnlyToARepositoryStorageServiceKnowsAndRegistersWith() {
        UUID unknown = UUID.randomUUID();
        StorageServiceStub.UNKNOWN.add(unknown);
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("norepo"), connectionId));
        body.put("repositoryId", unknown.toString());
        rejectedCreate(body, 422, "repositoryId");

        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("repo"), connectionId));
        UUID registered = StorageServiceStub.USERS.get(UUID.fromString(id));
        assertEquals(given().when().get("/api/v1/policies/" + id).then().extract().path("repositoryId"), registered.toString());
        Map<String, Object> moved = new HashMap<>(TestData.minimalPolicy(TestData.unique("moved"), connectionId));
        moved.put("repositoryId", unknown.toString());
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(moved).when().put("/api/v1/policies/" + id)
                .then().statusCode(422).body("errors.field", hasItem("repositoryId"));
        given().header("If-Match", "\"0\"").when().delete("/api/v1/policies/" + id).then().statusCode(204);
        assertEquals(null, StorageServiceStub.USERS.get(UUID.fromString(id)), "a deleted policy releases its repository");
    }

    @Test
    void aPolicyWithAnActiveRunCannotBeDeleted() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("busy"), connectionId));
        SessionServiceStub.ACTIVE_POLICIES.add(UUID.fromString(id));
        try {
            given().header("If-Match", "\"0\"").when().delete("/api/v1/policies/" + id).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("active run"));
            given().when().get("/api/v1/policies/" + id).then().statusCode(200);
        } finally {
            SessionServiceStub.ACTIVE_POLICIES.remove(UUID.fromString(id));
        }
        given().header("If-Match", "\"0\"").when().delete("/api/v1/policies/" + id).then().statusCode(204);
    }

    @Test
    void unknownPolicyIsNotFound() {
        given().when().get("/api/v1/policies/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("does not exist"));
        given().when().get("/api/v1/policies/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void rejectsAnUnknownConnection() {
        Map<String, Object> body = TestData.minimalPolicy(TestData.unique("noconn"), UUID.randomUUID().toString());
        rejectedCreate(body, 422, "connectionId");
    }

    @Test
    void rejectsAMissingConnection() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("noconn"), connectionId));
        body.remove("connectionId");
        rejectedCreate(body, 400, "connectionId");
    }

    @Test
    void rejectsAnInvalidCron() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("cron"), connectionId));
        body.put("schedule", Map.of("cron", "every night", "timeZone", "UTC"));
        rejectedCreate(body, 400, "schedule.cron");
        body.put("schedule", Map.of("cron", "0 2 * * *"));
        rejectedCreate(body, 400, "schedule.cron");
        body.put("schedule", Map.of("timeZone", "UTC"));
        rejectedCreate(body, 400, "schedule.cron");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("tz"), connectionId));
        body.put("schedule", Map.of("cron", "0 0 2 * * ?", "timeZone", "Mars/Olympus"));
        rejectedCreate(body, 400, "schedule.timeZone");
    }

    @Test
    void rejectsNegativeRetention() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("ret"), connectionId));
        body.put("retentionDays", -1);
        rejectedCreate(body, 400, "retentionDays");
    }

    @Test
    void rejectsAnEmptyName() {
        rejectedCreate(TestData.minimalPolicy("", connectionId), 400, "name");
        rejectedCreate(TestData.minimalPolicy("   ", connectionId), 400, "name");
    }

    @Test
    void rejectsADuplicateName() {
        String name = TestData.unique("dup");
        TestData.createPolicy(TestData.minimalPolicy(name, connectionId));
        rejectedCreate(TestData.minimalPolicy(name, connectionId), 409, "name");
        rejectedCreate(TestData.minimalPolicy(name.toUpperCase(), connectionId), 409, "name");
    }

    @Test
    void rejectsRenamingOntoAnotherPolicysName() {
        String taken = TestData.unique("taken");
        TestData.createPolicy(TestData.minimalPolicy(taken, connectionId));
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("mine"), connectionId));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(TestData.minimalPolicy(taken, connectionId))
                .when().put("/api/v1/policies/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().when().get("/api/v1/policies/" + id).then().body("version", equalTo(0)).body("name", not(equalTo(taken)));
    }

    @Test
    void rejectsALargeObjectThresholdBelowOne() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("thr"), connectionId));
        body.put("options", Map.of("largeObjectThreshold", 0));
        rejectedCreate(body, 400, "options.largeObjectThreshold");
    }

    @Test
    void rejectsOptionsOutOfRange() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("opts"), connectionId));
        body.put("options", Map.of("parallelism", 0, "apiBudgetPercent", 101, "inactivityTimeout", "PT0S"));
        rejectedCreate(body, 400, "options.parallelism");
        rejectedCreate(body, 400, "options.apiBudgetPercent");
        rejectedCreate(body, 400, "options.inactivityTimeout");
        body.put("options", Map.of("inactivityTimeout", "a day"));
        rejectedCreate(body, 400, "options.inactivityTimeout");
    }

    @Test
    void rejectsAScopeMixingAllWithNames() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("scope"), connectionId));
        body.put("scope", Map.of("objects", List.of("all", "Account")));
        rejectedCreate(body, 400, "scope.objects");
        body.put("scope", Map.of("objects", List.of()));
        rejectedCreate(body, 400, "scope.objects");
        body.put("scope", Map.of("objects", List.of("Account", "drop table")));
        rejectedCreate(body, 400, "scope.objects[1]");
    }

    @Test
    void rejectsFilesOrMetadataWithoutARepository() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("norepo"), connectionId));
        body.remove("repositoryId");
        rejectedCreate(body, 400, "repositoryId");
    }

    @Test
    void rejectsMalformedJson() {
        int before = policyCount();
        given().contentType(ContentType.JSON).body("{\"name\": \"broken\", \"connectionId\": ")
                .when().post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        given().contentType(ContentType.JSON).when().post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        assertEquals(before, policyCount());
    }

    @Test
    void rejectsUnknownFields() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("unknown"), connectionId));
        body.put("owner", "me");
        rejectedCreate(body, 400, "owner");
        body.remove("owner");
        body.put("options", Map.of("threads", 3));
        rejectedCreate(body, 400, "options.threads");
    }

    @Test
    void rejectsAWrongType() {
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("types"), connectionId));
        body.put("retentionDays", "forever");
        rejectedCreate(body, 400, "retentionDays");
    }

    @Test
    void rejectedUpdateChangesNothing() {
        String id = TestData.createPolicy(TestData.minimalPolicy(TestData.unique("stable"), connectionId));
        String before = given().when().get("/api/v1/policies/" + id).then().extract().asString();
        Map<String, Object> body = new HashMap<>(TestData.minimalPolicy(TestData.unique("stable2"), connectionId));
        body.put("retentionDays", -5);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put("/api/v1/policies/" + id)
                .then().statusCode(400).body("errors.field", hasItem("retentionDays"));
        body.put("retentionDays", 5);
        body.put("connectionId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put("/api/v1/policies/" + id)
                .then().statusCode(422).body("errors.field", hasItem("connectionId"));
        given().when().get("/api/v1/policies/" + id).then().body(equalTo(before));
        given().when().get("/api/v1/policies/" + id + "/history").then().body("change", equalTo(List.of("CREATED")));
    }

    private Map<String, Object> fullPolicy(String name, String repositoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("enabled", false);
        body.put("connectionId", connectionId);
        body.put("repositoryId", repositoryId);
        body.put("scope", Map.of("objects", List.of("Account", "Contact", "Invoice__c"), "exclude", List.of("Contact"),
                "autoAddNewObjects", false, "autoAddNewFields", true, "includeFiles", false, "includeMetadata", true,
                "fieldExclusions", Map.of("Account", List.of("Secret__c"))));
        body.put("schedule", Map.of("cron", "0 30 2 * * ?", "timeZone", "Europe/Paris"));
        body.put("retentionDays", 90);
        body.put("options", Map.of("largeObjectThreshold", 1000, "inactivityTimeout", "PT30S", "parallelism", 2,
                "apiBudgetPercent", 25));
        return body;
    }

    private void rejectedCreate(Map<String, Object> body, int status, String field) {
        int before = policyCount();
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/policies")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
        assertEquals(before, policyCount(), "a rejected request must store nothing");
    }

    private int policyCount() {
        return given().when().get("/api/v1/policies").then().statusCode(200).extract().path("size()");
    }
}
