package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files restored end to end: the emulator's files are backed up (bodies into a LOCAL repository, ContentVersion
 * records as data), deleted or overwritten in the org, and put back by a restore with {@code files}; the bodies read
 * back from the org are compared by SHA-256 with what they were before the damage.
 */
class FileRestoreIT {

    private static BackupSuite suite;
    private static OrgFiles org;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
        org = new OrgFiles(suite.emulator.url());
    }


    @Test
    void aDeletedDocumentIsRecreatedAndLinkedAndAnOverwrittenOneGetsItsVersionBack() {
        suite.resetOrg(4, 30_000);
        UUID policy = suite.policy(List.of("Account", "ContentVersion"), false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "ContentVersion").path("id").asText();
        List<JsonNode> versions = new ArrayList<>(suite.storedRecords(point, "ContentVersion").values());
        JsonNode deleted = versions.get(0);
        JsonNode overwritten = versions.get(1);
        Map<String, String> before = new HashMap<>();
        versions.forEach(version -> before.put(version.path("Id").asText(),
                org.bodySha256("ContentVersion", version.path("Id").asText(), "VersionData")));
        org.delete(List.of(deleted.path("ContentDocumentId").asText()));
        suite.purgeRecycleBin();
        String replacement = org.insertVersion(Map.of("ContentDocumentId", overwritten.path("ContentDocumentId").asText(),
                "PathOnClient", "garbage.bin"), 5_000, 99);
        assertEquals(replacement, latestVersion(overwritten.path("ContentDocumentId").asText()), "the garbage is now the latest");

        JsonNode restore = restoreToEnd(Map.of("policyId", policy.toString(), "restorePointId", point,
                "files", Map.of("ids", List.of(deleted.path("Id").asText(), overwritten.path("ContentDocumentId").asText()))));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        Map<String, JsonNode> lines = lines(report(restore));
        JsonNode recreated = lines.get(deleted.path("Id").asText());
        assertEquals("RECREATE", recreated.path("action").asText(), recreated.toString());
        String newVersion = recreated.path("targetId").asText();
        assertEquals(before.get(deleted.path("Id").asText()), org.bodySha256("ContentVersion", newVersion, "VersionData"),
                "the recreated body is byte-identical");
        String newDocument = org.query("SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = '" + newVersion + "'").get(0)
                .path("ContentDocumentId").asText();
        assertNotEquals(deleted.path("ContentDocumentId").asText(), newDocument, "a new document");
        assertEquals(List.of(deleted.path("FirstPublishLocationId").asText()), linkedEntities(newDocument),
                "linked to the record it was first published on");
        JsonNode newVersionLine = lines.get(overwritten.path("Id").asText());
        assertEquals("UPDATE", newVersionLine.path("action").asText(), newVersionLine.toString());
        String restoredVersion = newVersionLine.path("targetId").asText();
        assertEquals(restoredVersion, latestVersion(overwritten.path("ContentDocumentId").asText()), "a new latest version");
        assertEquals(before.get(overwritten.path("Id").asText()), org.bodySha256("ContentVersion", restoredVersion, "VersionData"));

        long versionsNow = org.query("SELECT Id FROM ContentVersion").size();
        JsonNode again = restoreToEnd(Map.of("policyId", policy.toString(), "restorePointId", point,
                "files", Map.of("ids", List.of(deleted.path("Id").asText(), overwritten.path("ContentDocumentId").asText()))));
        assertEquals("SUCCESS", again.path("status").asText(), explain(again));
        assertEquals(2, again.path("counters").path("unchanged").asLong(), explain(again));
        assertEquals(versionsNow, org.query("SELECT Id FROM ContentVersion").size(), "a second run uploads nothing");
    }

    @Test
    void theFilesOfARecreatedRecordComeBackLinkedToItsNewId() {
        suite.resetOrg(6, 20_000);
        UUID policy = suite.policy(List.of("Account", "ContentVersion"), false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "ContentVersion").path("id").asText();
        JsonNode file = suite.storedRecords(point, "ContentVersion").values().iterator().next();
        String account = file.path("FirstPublishLocationId").asText();
        String sha = org.bodySha256("ContentVersion", file.path("Id").asText(), "VersionData");
        org.delete(List.of(account));
        org.delete(List.of(file.path("ContentDocumentId").asText()));
        suite.purgeRecycleBin();
        String activeUser = suite.activeUserId();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("policyId", policy.toString());
        request.put("restorePointId", point);
        request.put("objects", List.of(Map.of("object", "Account", "ids", List.of(account))));
        request.put("target", Map.of("defaultOwnerId", activeUser));
        request.put("files", Map.of("all", true));

        request.put("dryRun", true);
        JsonNode dry = restoreToEnd(request);
        assertEquals("PLANNED", lines(report(dry)).get(file.path("Id").asText()).path("status").asText(),
                explain(dry));
        request.put("dryRun", false);
        JsonNode restore = restoreToEnd(request);

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        Map<String, JsonNode> lines = lines(report(restore));
        String newAccount = lines.get(account).path("targetId").asText();
        assertNotEquals(account, newAccount, "the purged account is recreated under a new id");
        JsonNode line = lines.get(file.path("Id").asText());
        assertEquals("RECREATE", line.path("action").asText(), line.toString());
        String newDocument = org.query("SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = '"
                + line.path("targetId").asText() + "'").get(0).path("ContentDocumentId").asText();
        assertEquals(List.of(newAccount), linkedEntities(newDocument), "linked to the account's new id");
        assertEquals(sha, org.bodySha256("ContentVersion", line.path("targetId").asText(), "VersionData"));
    }

    @Test
    void aVersionAnAttemptUploadedBeforeItWasKilledIsNotUploadedAgain() {
        suite.resetOrg(2, 20_000);
        UUID policy = suite.policy(List.of("Account", "ContentVersion"), false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "ContentVersion").path("id").asText();
        JsonNode version = suite.storedRecords(point, "ContentVersion").values().iterator().next();
        String document = version.path("ContentDocumentId").asText();
        org.insertVersion(Map.of("ContentDocumentId", document, "PathOnClient", "garbage.bin"), 5_000, 98);
        // what an attempt killed after the org's answer and before its id-map write left: the stored body as the latest version
        String leftOver = org.insertVersion(Map.of("ContentDocumentId", document, "Title", version.path("Title").asText(),
                "PathOnClient", version.path("PathOnClient").asText()), org.body("ContentVersion", version.path("Id").asText(), "VersionData"));
        long versionsBefore = org.query("SELECT Id FROM ContentVersion").size();

        JsonNode restore = restoreToEnd(Map.of("policyId", policy.toString(), "restorePointId", point,
                "files", Map.of("ids", List.of(version.path("Id").asText()))));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        JsonNode line = lines(report(restore)).get(version.path("Id").asText());
        assertEquals("UNCHANGED", line.path("action").asText(), line.toString());
        assertEquals(leftOver, line.path("targetId").asText(), line.toString());
        assertEquals(versionsBefore, org.query("SELECT Id FROM ContentVersion").size(), "the body is not uploaded twice");
    }

    @Test
    void theAttachmentOfAPurgedAccountComesBackByteIdenticalOnTheAccountsNewId() {
        suite.resetOrg(Map.of("Attachment", 4), 2, 20_000);
        UUID policy = suite.policy(List.of("Account", "Attachment"), false, Map.of("parallelism", 2), suite.localRepository());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "Attachment").path("id").asText();
        JsonNode attachment = suite.storedRecords(point, "Attachment").values().iterator().next();
        String attachmentId = attachment.path("Id").asText();
        String account = attachment.path("ParentId").asText();
        String sha = org.bodySha256("Attachment", attachmentId, "Body");
        org.delete(List.of(attachmentId));
        org.delete(List.of(account));
        suite.purgeRecycleBin();
        assertTrue(org.query("SELECT Id FROM Attachment WHERE Id = '" + attachmentId + "'").isEmpty(), "the attachment is gone");
        String activeUser = suite.activeUserId();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("policyId", policy.toString());
        request.put("restorePointId", point);
        request.put("objects", List.of(Map.of("object", "Account", "ids", List.of(account))));
        request.put("target", Map.of("defaultOwnerId", activeUser));
        request.put("files", Map.of("all", true));

        JsonNode restore = restoreToEnd(request);

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        Map<String, JsonNode> lines = lines(report(restore));
        String newAccount = lines.get(account).path("targetId").asText();
        assertNotEquals(account, newAccount, "the purged account is recreated under a new id");
        JsonNode line = lines.get(attachmentId);
        assertEquals("RECREATE", line.path("action").asText(), line.toString());
        String newAttachment = line.path("targetId").asText();
        assertEquals(newAccount, org.query("SELECT Id, ParentId FROM Attachment WHERE Id = '" + newAttachment + "'").get(0)
                .path("ParentId").asText(), "attached to the account's new id");
        assertEquals(sha, org.bodySha256("Attachment", newAttachment, "Body"), "the body is byte-identical");

        long attachmentsNow = org.query("SELECT Id FROM Attachment").size();
        JsonNode again = restoreToEnd(request);
        assertEquals("SUCCESS", again.path("status").asText(), explain(again));
        assertEquals("UNCHANGED", lines(report(again)).get(attachmentId).path("action").asText(), explain(again));
        assertEquals(attachmentsNow, org.query("SELECT Id FROM Attachment").size(), "a second run uploads nothing");
    }

    @Test
    void filesWithoutIdsOrAllAreRefusedNamingTheField() {
        UUID policy = suite.policy(List.of("Account"), false, Map.of());
        given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy.toString(), "asOf", "2026-01-01T00:00:00Z", "files", Map.of()))
                .post("/api/v1/restores").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("files"));
        given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy.toString(), "asOf", "2026-01-01T00:00:00Z", "files", Map.of("ids", List.of("001000000000001"))))
                .post("/api/v1/restores").then().statusCode(400)
                .body("errors[0].field", equalTo("files.ids"));
    }

    static JsonNode restoreToEnd(Map<String, Object> request) {
        return suite.awaitRestore(suite.startRestore(request), Duration.ofMinutes(10));
    }

    static String explain(JsonNode restore) {
        StringBuilder text = new StringBuilder(restore.toString());
        restore.path("sessions").forEach(session -> suite.session(session.path("id").asText()).path("tasks").forEach(task ->
                text.append("\n  ").append(task.path("object").asText()).append(' ').append(task.path("status").asText())
                        .append(": ").append(task.path("message").asText())));
        report(restore).forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    static List<JsonNode> report(JsonNode restore) {
        String ndjson = given().baseUri(suite.engineA.url()).get("/api/v1/restores/" + restore.path("id").asText() + "/report")
                .then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        ndjson.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(BackupSuite.json(line)));
        return lines;
    }

    private static String latestVersion(String document) {
        return org.query("SELECT Id, LatestPublishedVersionId FROM ContentDocument WHERE Id = '" + document + "'").get(0)
                .path("LatestPublishedVersionId").asText();
    }

    private static List<String> linkedEntities(String document) {
        return org.query("SELECT Id, LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId = '" + document + "'").stream()
                .map(link -> link.path("LinkedEntityId").asText()).toList();
    }

    /** Report lines by backup id. */
    private static Map<String, JsonNode> lines(List<JsonNode> report) {
        Map<String, JsonNode> lines = new HashMap<>();
        report.forEach(line -> lines.put(line.path("backupId").asText(), line));
        return lines;
    }
}
