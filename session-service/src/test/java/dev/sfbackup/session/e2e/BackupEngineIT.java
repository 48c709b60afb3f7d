package dev.sfbackup.session.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.testing.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End-to-end behaviour of the backup engine with the emulator, storage-service, policy-service and two
 * session-service instances, all packaged and talking real HTTP. Run with
 * {@code ./mvnw -B verify -pl session-service -DskipITs=false} after packaging the other services.
 */
class BackupEngineIT {

    private static final List<String> OBJECTS = List.of("Account", "Contact", "AssetAttribute");
    private static final Map<String, Object> FAST = Map.of("largeObjectThreshold", 350, "parallelism", 4);

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }

    @BeforeEach
    void resetOrg() {
        suite.resetOrg();
    }

    @Test
    void initialRunBacksUpEveryRecordOfEveryObjectInScope() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        assertEquals("INITIAL", run.path("kind").asText());
        assertEquals(2, run.path("sessions").size(), "Contact (400 > 350) gets a DATA session of its own");
        for (String object : OBJECTS) {
            assertStoredEqualsOrg(policy, object);
        }
    }

    @Test
    void incrementalRunStoresExactlyTheChangedInsertedAndDeletedRecords() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        suite.runToEnd(policy);
        suite.mutate(Map.of("object", "Account", "update", 10, "delete", 7, "insert", 5));
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        assertEquals("INCREMENTAL", run.path("kind").asText());
        JsonNode account = task(run, "Account");
        assertEquals(5, account.path("counters").path("recordsNew").asLong(), account.toString());
        assertEquals(10, account.path("counters").path("recordsChanged").asLong(), account.toString());
        assertEquals(7, account.path("counters").path("recordsDeleted").asLong(), "sent in three calls: " + account);
        JsonNode contact = task(run, "Contact");
        assertEquals(0, contact.path("counters").path("recordsNew").asLong() + contact.path("counters").path("recordsChanged").asLong());
        assertStoredEqualsOrg(policy, "Account");
        assertStoredEqualsOrg(policy, "Contact");
    }

    @Test
    void anObjectThatDidNotChangeGetsNoNewRestorePointAndIsStillReadAsOfTheRun() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        suite.runToEnd(policy);
        suite.mutate(Map.of("object", "Account", "update", 3));
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        JsonNode contact = task(run, "Contact");
        assertEquals("SUCCESS", contact.path("status").asText(), contact.toString());
        assertEquals("Contact: unchanged", contact.path("message").asText(), contact.toString());
        assertFalse(contact.hasNonNull("restorePointId"), "no point opened: " + contact);
        assertEquals(1, suite.committedPoints(policy, "Contact"), "only the initial run's restore point");
        String log = suite.log(sessionOf(run, "Contact"));
        assertTrue(log.contains("Contact: nothing new since its latest restore point"), log);
        long read = contact.path("counters").path("recordsRead").asLong();
        assertTrue(read > 0, "the overlap read the newest Contacts again: " + contact);
        assertEquals(read, contact.path("counters").path("recordsUnchanged").asLong(), contact.toString());
        assertEquals(2, suite.committedPoints(policy, "Account"));
        // read as of the run's Account point, Contact comes from its initial point, as the org still holds it
        assertStoredEqualsOrg(task(run, "Account").path("restorePointId").asText(), "Contact");
    }

    @Test
    void aChangeThatShowsUpLateWithAnOlderStampIsStoredFromTheOverlap() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        suite.runToEnd(policy);
        suite.mutate(Map.of("object", "Contact", "update", 2));
        suite.runToEnd(policy);
        // a transaction that committed late: stamped before the changes the last run read, so only the overlap finds
        // it, among records read again that did not change
        suite.mutate(Map.of("object", "Contact", "update", 1, "stampedSecondsAgo", 150));
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        JsonNode contact = task(run, "Contact");
        assertEquals(1, contact.path("counters").path("recordsChanged").asLong(), contact.toString());
        assertEquals(2, contact.path("counters").path("recordsUnchanged").asLong(), contact.toString());
        assertEquals(3, suite.committedPoints(policy, "Contact"));
        assertStoredEqualsOrg(policy, "Contact");
    }

    @Test
    void objectWithoutIncrementalFieldGetsAFullRestorePointOnlyWhenItChanged() {
        UUID policy = suite.policy(OBJECTS, true, FAST);
        suite.runToEnd(policy);
        JsonNode unchanged = suite.runToEnd(policy);
        assertEquals("SUCCESS", unchanged.path("status").asText(), unchanged.toString());
        assertEquals(1, suite.committedPoints(policy, "AssetAttribute"), "unchanged: no new restore point");
        assertTrue(suite.log(sessionOf(unchanged, "AssetAttribute")).contains("AssetAttribute: unchanged"));
        suite.mutate(Map.of("object", "AssetAttribute", "update", 3, "delete", 1));
        JsonNode changed = suite.runToEnd(policy);
        assertEquals(2, suite.committedPoints(policy, "AssetAttribute"));
        assertEquals("FULL", suite.latestPoint(policy, "AssetAttribute").path("kind").asText());
        JsonNode task = task(changed, "AssetAttribute");
        assertEquals(3, task.path("counters").path("recordsChanged").asLong(), task.toString());
        assertEquals(1, task.path("counters").path("recordsDeleted").asLong(), task.toString());
        assertStoredEqualsOrg(policy, "AssetAttribute");
    }

    @Test
    void anObjectTooWideForTheUrlOfARestQueryIsReadThroughBulkApiInitiallyAndIncrementally() {
        List<Map<String, String>> fields = java.util.stream.IntStream.range(0, 700)
                .mapToObj(i -> Map.of("name", "A_Rather_Long_Custom_Field_Name_" + i + "__c", "type", "string")).toList();
        io.restassured.RestAssured.given().baseUri(suite.emulator.url()).contentType("application/json")
                .body(Map.of("name", "Wide__c", "records", 40, "fields", fields))
                .post("/emulator/admin/objects").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        UUID policy = suite.policy(List.of("Wide__c"), true, FAST);
        JsonNode initial = suite.runToEnd(policy);
        assertEquals("SUCCESS", initial.path("status").asText(), initial.toString());
        suite.mutate(Map.of("object", "Wide__c", "update", 5));

        JsonNode incremental = suite.runToEnd(policy);
        assertEquals("SUCCESS", incremental.path("status").asText(), incremental.toString());
        assertEquals("INCREMENTAL", incremental.path("kind").asText());
        assertEquals(5, task(incremental, "Wide__c").path("counters").path("recordsChanged").asLong(), incremental.toString());
        String log = suite.log(sessionOf(incremental, "Wide__c"));
        assertTrue(log.contains("with Bulk API 2.0 (its query is too long for a REST URL)"), log);
        assertStoredEqualsOrg(policy, "Wide__c");
    }

    @Test
    void newFieldsAndObjectsArePickedUpOnlyWhenThePolicyAllows() {
        UUID allowing = suite.policy(List.of("Opportunity"), true, FAST);
        UUID refusing = suite.policy(List.of("Opportunity"), false, FAST);
        suite.runToEnd(allowing);
        suite.runToEnd(refusing);
        io.restassured.RestAssured.given().baseUri(suite.emulator.url()).contentType("application/json")
                .body(Map.of("object", "Opportunity", "name", "Tier__c", "type", "string"))
                .post("/emulator/admin/fields").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        io.restassured.RestAssured.given().baseUri(suite.emulator.url()).contentType("application/json")
                .body(Map.of("name", "Invoice__c", "records", 30))
                .post("/emulator/admin/objects").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        suite.mutate(Map.of("object", "Opportunity", "update", 4));

        JsonNode allowed = suite.runToEnd(allowing);
        assertEquals("SUCCESS", allowed.path("status").asText(), allowed.toString());
        assertNotNull(findTask(allowed, "Invoice__c"), "the new object is backed up");
        assertEquals(30, suite.storedRecords(suite.latestPoint(allowing, "Invoice__c").path("id").asText(), "Invoice__c").size());
        Map<String, JsonNode> opportunities = suite.storedRecords(suite.latestPoint(allowing, "Opportunity").path("id").asText(), "Opportunity");
        assertTrue(opportunities.values().stream().anyMatch(record -> record.has("Tier__c")), "the new field is backed up");

        JsonNode refused = suite.runToEnd(refusing);
        assertEquals("SUCCESS", refused.path("status").asText(), refused.toString());
        assertEquals(null, findTask(refused, "Invoice__c"), "the new object is ignored");
        String log = suite.log(sessionOf(refused, "Opportunity"));
        assertTrue(log.contains("Invoice__c ignored"), log);
        assertTrue(log.contains("Tier__c") && log.contains("ignored"), log);
        Map<String, JsonNode> refusedOpportunities = suite.storedRecords(suite.latestPoint(refusing, "Opportunity").path("id").asText(), "Opportunity");
        assertTrue(refusedOpportunities.values().stream().noneMatch(record -> record.has("Tier__c")), "the new field is not read");
    }

    @Test
    void faultOnOneObjectGivesWarningAndOnAllObjectsFailed() {
        UUID policy = suite.policy(List.of("Account", "Case"), true, Map.of("parallelism", 2));
        suite.fault(Map.of("object", "Case", "errorCode", "REQUEST_LIMIT_EXCEEDED", "status", 403, "times", -1));
        JsonNode one = suite.runToEnd(policy);
        assertEquals("WARNING", one.path("status").asText(), one.toString());
        JsonNode failedTask = task(one, "Case");
        assertEquals("ERROR", failedTask.path("status").asText());
        assertTrue(failedTask.path("message").asText().contains("REQUEST_LIMIT_EXCEEDED"), failedTask.toString());
        assertEquals("SUCCESS", task(one, "Account").path("status").asText());

        suite.fault(Map.of("object", "Account", "errorCode", "REQUEST_LIMIT_EXCEEDED", "status", 403, "times", -1));
        JsonNode all = suite.runToEnd(policy);
        assertEquals("FAILED", all.path("status").asText(), all.toString());
        suite.clearFaults();
        JsonNode recovered = suite.runToEnd(policy);
        assertEquals("SUCCESS", recovered.path("status").asText(), recovered.toString());
        assertStoredEqualsOrg(policy, "Case");
    }

    @Test
    void anObjectTheOrgTimesOutOnFailsOnlyItsOwnTasksTheOtherDescribesAreStoredAndTheRunEndsWarning() throws Exception {
        suite.resetOrg(2, 5_000);
        List<String> objects = List.of("Account", "Contact", "Opportunity");
        // one DATA session for the three objects (none above the default threshold), and metadata and files
        UUID policy = suite.policy(objects, true, Map.of("parallelism", 4), suite.localRepository());
        // the org answers QUERY_TIMEOUT to every call about Contact: its describe and its queries
        suite.fault(Map.of("object", "Contact", "errorCode", "QUERY_TIMEOUT", "times", -1));
        JsonNode run = suite.runToEnd(policy);
        suite.clearFaults();

        assertEquals("WARNING", run.path("status").asText(), "some tasks failed, not all: " + run);
        JsonNode metadata = sessionOfType(run, "METADATA");
        assertEquals("WARNING", metadata.path("status").asText(), metadata.toString());
        Map<String, JsonNode> describes = tasksOfKind(metadata, "BACKUP_DESCRIBE");
        assertEquals(Set.of("describeGlobal", "Account", "Contact", "Opportunity"), describes.keySet());
        JsonNode contactDescribe = describes.get("Contact");
        assertEquals("ERROR", contactDescribe.path("status").asText(), contactDescribe.toString());
        assertTrue(contactDescribe.path("message").asText().contains("QUERY_TIMEOUT"), contactDescribe.toString());
        for (String other : List.of("describeGlobal", "Account", "Opportunity")) {
            assertEquals("SUCCESS", describes.get(other).path("status").asText(), describes.get(other).toString());
        }
        JsonNode pointTask = tasksOfKind(metadata, "BACKUP_METADATA").get("metadata");
        assertEquals("SUCCESS", pointTask.path("status").asText(), pointTask.toString());
        Map<String, String> packages = new HashMap<>();
        suite.storedFiles(pointTask.path("restorePointId").asText(), "metadata")
                .forEach(file -> packages.put(file.path("name").asText(), file.path("id").asText()));
        assertEquals(Set.of("describeGlobal.json", "sobjects/Account.json", "sobjects/Opportunity.json"), packages.keySet(),
                "every describe but Contact's is stored");
        for (String object : List.of("Account", "Opportunity")) {
            JsonNode stored = BackupSuite.json(new String(suite.download(packages.get("sobjects/" + object + ".json")), StandardCharsets.UTF_8));
            JsonNode org = BackupSuite.json(new String(suite.salesforceGet("/services/data/v62.0/sobjects/" + object + "/describe"),
                    StandardCharsets.UTF_8));
            assertEquals(fieldNames(org), fieldNames(stored), object + ": the stored describe has the org's fields");
        }

        JsonNode data = suite.session(sessionOf(run, "Account"));
        assertEquals("WARNING", data.path("status").asText(), data.toString());
        assertEquals("ERROR", task(run, "Contact").path("status").asText());
        assertEquals("SUCCESS", task(run, "Account").path("status").asText());
        assertEquals("SUCCESS", task(run, "Opportunity").path("status").asText());
        assertStoredEqualsOrg(policy, "Account");
        assertStoredEqualsOrg(policy, "Opportunity");
        assertEquals(0, suite.committedPoints(policy, "Contact"));
        assertEquals("SUCCESS", sessionOfType(run, "FILE").path("status").asText());
    }

    @Test
    void queryTimeoutOnLargeBulkResultSetsIsRetriedWithSmallerSetsAndEndsAsWarning() {
        suite.resetOrgWithAccounts(6000);
        UUID policy = suite.policy(List.of("Account"), true, Map.of("parallelism", 1));
        // the engine asks for 50,000 records per set at first; the org times out on sets above 20,000
        suite.fault(Map.of("object", "Account", "errorCode", "QUERY_TIMEOUT", "maxRecordsAbove", 20_000, "times", -1));
        JsonNode run = suite.runToEnd(policy);
        JsonNode account = task(run, "Account");
        assertEquals("WARNING", account.path("status").asText(), account.toString());
        assertTrue(account.path("message").asText().contains("QUERY_TIMEOUT"), account.toString());
        String log = suite.log(sessionOf(run, "Account"));
        assertTrue(log.contains("Bulk API 2.0") && log.contains("smaller result chunks of 12500 records"), log);
        assertEquals("SUCCESS", run.path("status").asText(), "a task that ends with a warning still completed: " + run);
        assertStoredEqualsOrg(policy, "Account");
    }

    @Test
    void watchdogFailsASessionThatMakesNoProgressForLongerThanTheInactivityTimeout() {
        UUID policy = suite.policy(List.of("User"), true, Map.of("inactivityTimeout", "PT3S", "parallelism", 1));
        // the org never answers the task's first call about User until the test lets it
        suite.holdFault(Map.of("object", "User"));
        JsonNode run = suite.runToEnd(policy);
        suite.clearFaults();
        assertEquals("FAILED", run.path("status").asText(), run.toString());
        String sessionId = run.path("sessions").get(0).path("id").asText();
        JsonNode session = suite.session(sessionId);
        assertTrue(session.path("failureReason").asText().contains("inactivityTimeout"), session.toString());
        assertTrue(suite.log(sessionId).contains("watchdog"));
        assertEquals(0, suite.committedPoints(policy, "User"), "nothing was committed");
    }

    @Test
    void twoEngineInstancesSplitOneRunAndNoTaskRunsTwice() {
        List<String> objects = List.of("Account", "Contact", "Opportunity", "Case", "User", "AssetAttribute", "ContentWorkspaceMember");
        UUID policy = suite.policy(objects, true, Map.of("parallelism", 4));
        suite.fault(Map.of("latencyMs", 150, "times", -1));
        JsonNode run = suite.runToEnd(policy);
        suite.clearFaults();
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        Set<String> claimants = new HashSet<>();
        int tasks = 0;
        for (JsonNode summary : run.path("sessions")) {
            for (JsonNode task : suite.session(summary.path("id").asText()).path("tasks")) {
                tasks++;
                claimants.add(task.path("claimedBy").asText());
                assertEquals(1, task.path("attempts").asInt(), "claimed once: " + task);
            }
        }
        assertEquals(objects.size(), tasks);
        assertEquals(Set.of("engine-a", "engine-b"), claimants);
        for (String object : objects) {
            assertStoredEqualsOrg(policy, object);
        }
    }

    @Test
    void aTaskWhoseEngineIsKilledMidReadIsResumedByTheOtherInstanceAfterStaleAfterAndStoresEveryRecordOnce() {
        // 4,500 cases come in three REST pages of 2,000; the org holds the second page until the engine is killed
        suite.resetOrg(Map.of("Case", 4500), 3, 2000);
        UUID policy = suite.policy(List.of("Case"), true, Map.of("parallelism", 1));
        long secondPage = suite.holdFault(Map.of("object", "Case", "call", "queryMore", "times", 1));
        String runId = suite.startRun(policy, suite.engineA);
        suite.awaitHeldCall(secondPage);
        JsonNode running = awaitTaskWithCommittedBatches(runId);
        String victim = running.path("claimedBy").asText();
        String survivor = victim.equals("engine-a") ? "engine-b" : "engine-a";
        JsonNode run;
        try {
            suite.kill(victim);
            suite.release(secondPage);
            run = suite.awaitRunEnd(runId, suite.engine(survivor), Duration.ofSeconds(150));
        } finally {
            suite.restart(victim);
        }
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        JsonNode task = task(run, "Case");
        assertEquals("SUCCESS", task.path("status").asText(), task.toString());
        assertEquals(survivor, task.path("claimedBy").asText(), "the surviving instance took the task over: " + task);
        assertEquals(2, task.path("attempts").asInt(), task.toString());
        assertEquals(running.path("restorePointId").asText(), task.path("restorePointId").asText(),
                "the task went on in the restore point it had begun");
        String log = suite.log(sessionOf(run, "Case"));
        assertTrue(log.contains("Case: claimant " + victim), log);
        assertTrue(log.contains("resuming restore point " + task.path("restorePointId").asText() + " after batch"), log);

        String pointId = task.path("restorePointId").asText();
        assertEquals(4500, suite.storedRecordCount(pointId, "Case"), "every case once, none twice");
        assertEquals(4500, suite.point(pointId).path("counters").path("recordsNew").asLong(), suite.point(pointId).toString());
        assertEquals(1, suite.committedPoints(policy, "Case"));
        assertStoredEqualsOrg(policy, "Case");
    }

    /** Polls the run's only task until it is RUNNING with at least one batch committed; returns that task view. */
    private static JsonNode awaitTaskWithCommittedBatches(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = suite.run(runId, suite.engineB);
            for (JsonNode summary : run.path("sessions")) {
                for (JsonNode task : suite.session(summary.path("id").asText()).path("tasks")) {
                    if (task.path("status").asText().equals("RUNNING") && task.path("lastBatchSeq").asInt() > 0) {
                        return task;
                    }
                    assertTrue(List.of("PENDING", "RUNNING").contains(task.path("status").asText()),
                            "the task ended before it could be interrupted: " + task);
                }
            }
            BackupSuite.sleep(100);
        }
        throw new AssertionError("run " + runId + " committed no batch within 90 s");
    }

    @Test
    void anIncrementalFileRunStoresNewBytesOnlyForNewAndChangedBodiesAndEveryBodyOfItsPointIsReadable() throws Exception {
        suite.resetOrg(6, 20_000);
        UUID policy = suite.policy(List.of("Account"), true, FAST, suite.localRepository());
        JsonNode initial = suite.runToEnd(policy);
        assertEquals("SUCCESS", initial.path("status").asText(), initial.toString());
        JsonNode mutation = suite.mutate(Map.of("object", "ContentVersion", "update", 2, "insert", 1));
        Set<String> changed = new HashSet<>();
        mutation.path("updated").forEach(id -> changed.add(id.asText()));
        mutation.path("inserted").forEach(id -> changed.add(id.asText()));
        assertEquals(3, changed.size(), mutation.toString());

        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());
        assertEquals("INCREMENTAL", run.path("kind").asText());
        String pointId = pointTaskOf(run, "FILE").path("restorePointId").asText();
        assertEquals("INCREMENTAL", suite.point(pointId).path("kind").asText(), suite.point(pointId).toString());
        JsonNode files = suite.storedFiles(pointId, "files");
        Set<String> stored = new HashSet<>();
        Set<String> withNewBytes = new HashSet<>();
        for (JsonNode file : files) {
            String versionId = file.path("sourceId").asText();
            stored.add(versionId);
            if (file.path("newBytes").asLong() > 0) {
                withNewBytes.add(versionId);
            } else {
                assertEquals(file.path("size").asLong(), file.path("dedupBytes").asLong(), "an unchanged body is not stored again: " + file);
            }
            byte[] org = suite.salesforceGet("/services/data/v62.0/sobjects/ContentVersion/" + versionId + "/VersionData");
            byte[] backedUp = suite.download(file.path("id").asText());
            assertEquals(org.length, backedUp.length, file.toString());
            assertEquals(sha256(org), sha256(backedUp), versionId + ": the body of the incremental point is byte-identical");
        }
        assertTrue(stored.containsAll(changed), "the incremental point holds every new and changed body: " + stored);
        assertEquals(changed, withNewBytes, "only the new and changed bodies brought new bytes");
    }

    @Test
    void filesAndMetadataAreBackedUpAndReadableByteForByte() throws Exception {
        suite.resetOrg(5, 100_000);
        UUID policy = suite.policy(List.of("Account", "Contact"), true, FAST, suite.localRepository());
        JsonNode run = suite.runToEnd(policy);
        assertEquals("SUCCESS", run.path("status").asText(), run.toString());

        JsonNode fileTask = pointTaskOf(run, "FILE");
        assertEquals("SUCCESS", fileTask.path("status").asText(), fileTask.toString());
        Map<String, JsonNode> stored = new HashMap<>();
        suite.storedFiles(fileTask.path("restorePointId").asText(), "files").forEach(file -> stored.put(file.path("sourceId").asText(), file));
        Set<String> latestVersions = new HashSet<>();
        suite.orgRecords("ContentVersion").values().stream()
                .filter(version -> !version.has("IsLatest") || version.path("IsLatest").asBoolean())
                .forEach(version -> latestVersions.add(version.path("Id").asText()));
        assertEquals(5, latestVersions.size(), "the org has the five files it was reset with");
        assertEquals(latestVersions, stored.keySet(), "every ContentVersion body of the org is stored");
        for (String versionId : latestVersions) {
            byte[] org = suite.salesforceGet("/services/data/v62.0/sobjects/ContentVersion/" + versionId + "/VersionData");
            assertTrue(org.length > 10_000, versionId + " has a body of " + org.length + " bytes");
            byte[] backedUp = suite.download(stored.get(versionId).path("id").asText());
            assertEquals(sha256(org), stored.get(versionId).path("sha256").asText(), versionId + ": the SHA-256 storage reports");
            assertEquals(sha256(org), sha256(backedUp), versionId + ": the downloaded body is byte-identical");
            assertEquals(org.length, backedUp.length, versionId);
        }

        JsonNode metadataTask = pointTaskOf(run, "METADATA");
        assertEquals("SUCCESS", metadataTask.path("status").asText(), metadataTask.toString());
        Map<String, String> packages = new HashMap<>();
        suite.storedFiles(metadataTask.path("restorePointId").asText(), "metadata")
                .forEach(file -> packages.put(file.path("name").asText(), file.path("id").asText()));
        assertTrue(packages.containsKey("describeGlobal.json"), packages.toString());
        for (String object : List.of("Account", "Contact")) {
            String name = "sobjects/" + object + ".json";
            assertTrue(packages.containsKey(name), name + " in " + packages.keySet());
            JsonNode describe = BackupSuite.json(new String(suite.download(packages.get(name)), StandardCharsets.UTF_8));
            JsonNode org = BackupSuite.json(new String(suite.salesforceGet("/services/data/v62.0/sobjects/" + object + "/describe"),
                    StandardCharsets.UTF_8));
            assertEquals(object, describe.path("name").asText(), describe.toString());
            assertEquals(fieldNames(org), fieldNames(describe), object + ": the stored describe has the org's fields");
        }
    }

    @Test
    void filesAndMetadataGoToTheBackupCacheWhileTheRepositoryIsAwayAndTheSessionLogSaysWhenAndWhy() throws Exception {
        suite.resetOrg(3, 50_000);
        Path directory = Files.createTempDirectory("e2e-repo");
        UUID repository = suite.localRepository(directory);
        suite.enableCache(repository, Files.createTempDirectory("e2e-cache"));
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        Files.move(directory, away);
        JsonNode run;
        List<String> cachedPoints = new java.util.ArrayList<>();
        try {
            run = suite.runToEnd(suite.policy(List.of("Account"), true, FAST, repository));
            assertEquals("SUCCESS", run.path("status").asText(), run.toString());
            for (String type : List.of("FILE", "METADATA")) {
                cachedPoints.add(assertCachedAndLogged(run, type));
            }
            // the first of the two to write found the share away; the other followed it, as cached points were waiting
            Set<String> reasons = new HashSet<>();
            cachedPoints.forEach(point -> reasons.add(suite.point(point).path("cacheReason").asText()));
            assertTrue(reasons.stream().anyMatch(reason -> reason.contains("was unreachable when the restore point started writing")), reasons.toString());
        } finally {
            Files.move(away, directory);
        }

        JsonNode upload = suite.uploadCache(repository);
        assertEquals(0, upload.path("waiting").asInt(), upload.toString());
        Set<String> uploaded = new HashSet<>();
        upload.path("uploaded").forEach(id -> uploaded.add(id.asText()));
        assertEquals(new HashSet<>(cachedPoints), uploaded);
        for (String pointId : cachedPoints) {
            assertEquals("REPOSITORY", suite.point(pointId).path("location").asText());
        }
        JsonNode files = suite.storedFiles(pointTaskOf(run, "FILE").path("restorePointId").asText(), "files");
        assertEquals(3, files.size(), files.toString());
        for (JsonNode file : files) {
            byte[] org = suite.salesforceGet("/services/data/v62.0/sobjects/ContentVersion/" + file.path("sourceId").asText() + "/VersionData");
            assertEquals(sha256(org), sha256(suite.download(file.path("id").asText())), file.toString());
        }
    }

    @Test
    void aLocalShareLostDuringTheFileSessionRestartsItsTransferInTheCacheAndEveryFileStaysReadable() throws Exception {
        suite.resetOrg(20, 30_000);
        Path directory = Files.createTempDirectory("e2e-repo");
        UUID repository = suite.localRepository(directory);
        suite.enableCache(repository, Files.createTempDirectory("e2e-cache"));
        UUID policy = suite.policy(List.of("Account"), true, FAST, repository);
        Path away = directory.resolveSibling(directory.getFileName() + "-away");
        // every org request waits 300 ms until the share is gone, so the FILE point cannot finish before the move
        suite.fault(Map.of("latencyMs", 300, "times", -1));
        java.util.concurrent.CompletableFuture<JsonNode> running = java.util.concurrent.CompletableFuture.supplyAsync(() -> suite.runToEnd(policy));
        JsonNode run;
        try {
            String filePoint = suite.awaitFirstFileOfTheFilePoint(policy);
            Files.move(directory, away); // the share goes away after the FILE point stored its first file
            suite.clearFaults();
            run = running.get();
            assertEquals("SUCCESS", run.path("status").asText(), run.toString());
            JsonNode point = suite.point(filePoint);
            assertEquals(filePoint, pointTaskOf(run, "FILE").path("restorePointId").asText());
            assertEquals("CACHE", point.path("location").asText(), point.toString());
            assertTrue(point.path("cacheReason").asText().contains("the transfer started over in the cache"), point.toString());
            String log = suite.log(sessionOfType(run, "FILE").path("id").asText());
            assertTrue(log.contains("every file body is sent again, into the backup cache"), log);
            assertTrue(log.contains("restore point " + filePoint + " was committed in the backup cache"), log);
            assertEveryOrgFileIsStored(filePoint); // from the cache alone: the share is still away
        } finally {
            running.join();
            if (Files.exists(away)) {
                Files.move(away, directory);
            }
        }
        assertEquals(0, suite.uploadCache(repository).path("waiting").asInt());
        assertEquals("REPOSITORY", suite.point(pointTaskOf(run, "FILE").path("restorePointId").asText()).path("location").asText());
        assertEveryOrgFileIsStored(pointTaskOf(run, "FILE").path("restorePointId").asText());
    }

    private static void assertEveryOrgFileIsStored(String filePoint) throws Exception {
        Set<String> latestVersions = new HashSet<>();
        suite.orgRecords("ContentVersion").values().stream()
                .filter(version -> !version.has("IsLatest") || version.path("IsLatest").asBoolean())
                .forEach(version -> latestVersions.add(version.path("Id").asText()));
        JsonNode files = suite.storedFiles(filePoint, "files");
        Set<String> stored = new HashSet<>();
        for (JsonNode file : files) {
            stored.add(file.path("sourceId").asText());
            byte[] org = suite.salesforceGet("/services/data/v62.0/sobjects/ContentVersion/" + file.path("sourceId").asText() + "/VersionData");
            assertEquals(sha256(org), sha256(suite.download(file.path("id").asText())), file.toString());
        }
        assertEquals(latestVersions, stored, "every ContentVersion body once");
        assertEquals(latestVersions.size(), files.size());
    }

    /** The session's point is in the cache, and its log says when (the first upload, the time) and why; returns the point. */
    private static String assertCachedAndLogged(JsonNode run, String type) {
        JsonNode session = sessionOfType(run, type);
        String pointId = pointTaskOf(run, type).path("restorePointId").asText();
        JsonNode point = suite.point(pointId);
        assertEquals("CACHE", point.path("location").asText(), point.toString());
        assertTrue(point.path("cacheReason").asText().contains("repository '"), point.toString());
        String log = suite.log(session.path("id").asText());
        assertTrue(log.contains("restore point " + pointId + " is written to the backup cache after 0 uploads since "
                + point.path("cachedAt").asText() + ": " + point.path("cacheReason").asText()), type + " log says when and why: " + log);
        assertTrue(log.contains("restore point " + pointId + " was committed in the backup cache"), log);
        return pointId;
    }

    private static JsonNode sessionOfType(JsonNode run, String sessionType) {
        for (JsonNode summary : run.path("sessions")) {
            JsonNode session = suite.session(summary.path("id").asText());
            if (session.path("type").asText().equals(sessionType)) {
                return session;
            }
        }
        throw new AssertionError("run has no " + sessionType + " session: " + run);
    }

    /** The session's tasks of that kind, by object. */
    private static Map<String, JsonNode> tasksOfKind(JsonNode session, String kind) {
        Map<String, JsonNode> tasks = new HashMap<>();
        session.path("tasks").forEach(task -> {
            if (task.path("kind").asText().equals(kind)) {
                tasks.put(task.path("object").asText(), task);
            }
        });
        return tasks;
    }

    private static Set<String> fieldNames(JsonNode describe) {
        Set<String> names = new HashSet<>();
        describe.path("fields").forEach(field -> names.add(field.path("name").asText()));
        return names;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** The task that wrote the restore point of the run's FILE or METADATA session, which must have succeeded. */
    private static JsonNode pointTaskOf(JsonNode run, String sessionType) {
        JsonNode session = sessionOfType(run, sessionType);
        assertEquals("SUCCESS", session.path("status").asText(), session.toString());
        String kind = sessionType.equals("FILE") ? "BACKUP_FILES" : "BACKUP_METADATA";
        List<JsonNode> tasks = new java.util.ArrayList<>();
        session.path("tasks").forEach(task -> {
            if (task.path("kind").asText().equals(kind)) {
                tasks.add(task);
            }
        });
        assertEquals(1, tasks.size(), session.toString());
        return tasks.get(0);
    }

    private static void assertStoredEqualsOrg(UUID policy, String object) {
        JsonNode point = suite.latestPoint(policy, object);
        assertNotNull(point, "no committed restore point of " + object);
        assertStoredEqualsOrg(point.path("id").asText(), object);
    }

    /** The object read as of the point (its own, or another object's standing for its commit time) equals the org. */
    private static void assertStoredEqualsOrg(String pointId, String object) {
        Map<String, JsonNode> stored = suite.storedRecords(pointId, object);
        Map<String, JsonNode> org = suite.orgRecords(object);
        assertEquals(org.keySet(), stored.keySet(), object + ": the backed-up record ids equal the org's");
        for (Map.Entry<String, JsonNode> record : stored.entrySet()) {
            JsonNode truth = org.get(record.getKey());
            Iterator<Map.Entry<String, JsonNode>> fields = record.getValue().fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertTrue(OrgValues.same(field.getValue(), truth.get(field.getKey())),
                        object + " " + record.getKey() + "." + field.getKey() + ": stored " + field.getValue() + ", org " + truth.get(field.getKey()));
            }
        }
    }

    private static JsonNode task(JsonNode run, String object) {
        JsonNode task = findTask(run, object);
        assertNotNull(task, "run has no task for " + object + ": " + run);
        return task;
    }

    /** The task that backs up the object's records (not its describe), or null. */
    private static JsonNode findTask(JsonNode run, String object) {
        for (JsonNode summary : run.path("sessions")) {
            for (JsonNode task : suite.session(summary.path("id").asText()).path("tasks")) {
                if (isDataTaskOf(task, object)) {
                    return task;
                }
            }
        }
        return null;
    }

    /** The session whose task backs up the object's records. */
    private static String sessionOf(JsonNode run, String object) {
        for (JsonNode summary : run.path("sessions")) {
            JsonNode session = suite.session(summary.path("id").asText());
            for (JsonNode task : session.path("tasks")) {
                if (isDataTaskOf(task, object)) {
                    return session.path("id").asText();
                }
            }
        }
        throw new AssertionError("no session with " + object);
    }

    private static boolean isDataTaskOf(JsonNode task, String object) {
        return task.path("kind").asText().equals("BACKUP_DATA") && task.path("object").asText().equals(object);
    }
}
