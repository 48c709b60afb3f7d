package dev.sfbackup.session.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sfbackup.testing.ServiceProcess;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restores end to end: the emulator's org is backed up, damaged, and restored through POST /api/v1/restores on
 * session-service, with storage-service and policy-service over real HTTP; the emulator's records are the truth.
 */
class RestoreIT {

    /** Written by the org on every save, never by a restore. */
    private static final Set<String> MAINTAINED_BY_THE_ORG = Set.of("LastModifiedDate", "SystemModstamp", "LastModifiedById");

    private static BackupSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = BackupSuite.shared();
    }

    @Test
    void fieldLevelRestoreOfTwoFieldsOnAThousandCorruptedRecordsChangesExactlyThoseFields() {
        BackedUp accounts = backUpAccounts(1500);
        suite.mutate(Map.of("object", "Account", "update", 1000, "set", Map.of("BillingCity", "Corrupted", "Phone", "000")));
        Map<String, JsonNode> before = suite.orgRecords("Account");

        JsonNode restore = restoreToEnd(Map.of("policyId", accounts.policy().toString(), "restorePointId", accounts.point(),
                "objects", List.of(Map.of("object", "Account", "fields", List.of("BillingCity", "Phone")))));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        assertEquals(1000, restore.path("counters").path("updated").asLong(), restore.toString());
        assertEquals(500, restore.path("counters").path("unchanged").asLong(), restore.toString());
        assertOnlyTheseFieldsRestored(Set.of("BillingCity", "Phone"), accounts.stored(), before, restore);
    }

    /** An org backed up by a new policy: the policy, its Account point and the accounts stored there. */
    private record BackedUp(UUID policy, String point, Map<String, JsonNode> stored) {
    }

    /** An org of {@code count} accounts, backed up. */
    private static BackedUp backUpAccounts(int count) {
        suite.resetOrgWithAccounts(count);
        return backUpAsItIs(List.of("Account"));
    }

    /** The demo org, reset, backed up by a new policy over {@code objects}. */
    private static BackedUp backUpTheDemoOrg(List<String> objects) {
        suite.resetOrg();
        return backUpAsItIs(objects);
    }

    private static BackedUp backUpAsItIs(List<String> objects) {
        UUID policy = suite.policy(objects, false, Map.of("parallelism", 2));
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "Account").path("id").asText();
        return new BackedUp(policy, point, suite.storedRecords(point, "Account"));
    }

    /**
     * Every account now holds the backup's values in {@code restored} and its values from {@code before} in every
     * other field, and the report's UPDATE lines name only restored fields.
     */
    private static void assertOnlyTheseFieldsRestored(Set<String> restored, Map<String, JsonNode> stored, Map<String, JsonNode> before,
            JsonNode restore) {
        for (Map.Entry<String, JsonNode> record : suite.orgRecords("Account").entrySet()) {
            JsonNode was = before.get(record.getKey());
            JsonNode backup = stored.get(record.getKey());
            record.getValue().fields().forEachRemaining(field -> {
                String name = field.getKey();
                if (restored.contains(name)) {
                    assertTrue(OrgValues.same(backup.get(name), field.getValue()), record.getKey() + "." + name + " restored from the backup");
                } else if (!MAINTAINED_BY_THE_ORG.contains(name)) {
                    assertTrue(OrgValues.same(was.get(name), field.getValue()), record.getKey() + "." + name + " untouched: was "
                            + was.get(name) + ", now " + field.getValue());
                }
            });
        }
        for (JsonNode line : report(restore)) {
            if (line.path("action").asText().equals("UPDATE")) {
                assertTrue(restored.containsAll(fields(line)), line.toString());
            }
        }
    }

    @Test
    void dryRunChangesNothingAndReportsWhatTheRealRunThenDoes() {
        BackedUp backup = backUpTheDemoOrg(List.of("Account", "Contact"));
        suite.mutate(Map.of("object", "Account", "update", 25, "set", Map.of("Industry", "Energy", "NumberOfEmployees", 7)));
        suite.mutate(Map.of("object", "Contact", "update", 15, "set", Map.of("Title", "Changed")));
        Map<String, JsonNode> accounts = suite.orgRecords("Account");
        Map<String, JsonNode> contacts = suite.orgRecords("Contact");
        Map<String, Object> request = new LinkedHashMap<>(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(),
                "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 1)));

        request.put("dryRun", true);
        JsonNode dry = restoreToEnd(request);
        assertEquals("SUCCESS", dry.path("status").asText(), explain(dry));
        assertTrue(dry.path("dryRun").asBoolean());
        assertEquals(accounts, suite.orgRecords("Account"), "a dry run writes nothing");
        assertEquals(contacts, suite.orgRecords("Contact"), "a dry run writes nothing");
        assertDryRunShowsBeforeAndAfter(dry, backup.stored(), accounts);

        request.put("dryRun", false);
        JsonNode real = restoreToEnd(request);
        assertEquals("SUCCESS", real.path("status").asText(), explain(real));
        assertEquals(40, real.path("counters").path("updated").asLong(), real.toString());
        assertEquals(actions(report(dry)), actions(report(real)), "the dry run reported what the real run did");
        assertTrue(report(dry).stream().allMatch(line -> line.path("status").asText().equals("PLANNED")));
        assertEquals(dry.path("counters").path("planned").asLong(), real.path("counters").path("planned").asLong());
    }

    /** Each changed field of a dry run's line holds the org's value (before) and the backup's (after), in NDJSON and CSV. */
    private static void assertDryRunShowsBeforeAndAfter(JsonNode dry, Map<String, JsonNode> stored, Map<String, JsonNode> org) {
        List<JsonNode> updates = report(dry).stream().filter(line -> line.path("object").asText().equals("Account")
                && line.path("action").asText().equals("UPDATE")).toList();
        assertTrue(!updates.isEmpty(), "the dry run plans updates");
        for (JsonNode line : updates) {
            JsonNode before = org.get(line.path("targetId").asText());
            JsonNode after = stored.get(line.path("backupId").asText());
            List<String> fields = new java.util.ArrayList<>();
            line.path("changes").forEach(change -> {
                String field = change.path("field").asText();
                fields.add(field);
                assertTrue(OrgValues.same(before.get(field), change.get("before")), field + " before: " + line + " org " + before);
                assertTrue(OrgValues.same(after.get(field), change.get("after")), field + " after: " + line + " backup " + after);
            });
            List<String> changedFields = new java.util.ArrayList<>();
            line.path("changedFields").forEach(field -> changedFields.add(field.asText()));
            assertEquals(changedFields, fields, line.toString());
        }
        String csv = given().baseUri(suite.engineA.url()).accept("text/csv").get("/api/v1/restores/" + dry.path("id").asText() + "/report")
                .then().statusCode(200).extract().asString();
        assertCsvHoldsTheLines(csv, report(dry));
    }

    /** The CSV report, read as a spreadsheet would (a header, then a row per NDJSON line in its order), says what the NDJSON says. */
    private static void assertCsvHoldsTheLines(String csv, List<JsonNode> lines) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(lines.size(), rows.size(), csv);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Map<String, String> row = rows.get(i);
            String where = "CSV row " + (i + 1);
            List<String> changedFields = new ArrayList<>();
            line.path("changedFields").forEach(field -> changedFields.add(field.asText()));
            assertEquals(List.of(line.path("object").asText(), line.path("backupId").asText(), line.path("targetId").asText(""),
                    line.path("action").asText(), String.join(";", changedFields), line.path("status").asText()),
                    List.of(row.get("object"), row.get("backupId"), row.get("targetId"), row.get("action"), row.get("changedFields"),
                            row.get("status")), where);
            if (!changedFields.isEmpty()) {
                JsonNode before = BackupSuite.json(row.get("before"));
                JsonNode after = BackupSuite.json(row.get("after"));
                line.path("changes").forEach(change -> {
                    assertEquals(change.path("before"), before.path(change.path("field").asText()), where + " before");
                    assertEquals(change.path("after"), after.path(change.path("field").asText()), where + " after");
                });
            }
        }
    }

    @Test
    void requestsThatCannotBeRestoredAre400Or422NamingTheField() {
        given().baseUri(suite.engineA.url()).contentType(ContentType.JSON).body(Map.of("objects", List.of()))
                .post("/api/v1/restores").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("policyId"));
        UUID policy = suite.policy(List.of("Account"), false, Map.of());
        given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", policy.toString(), "asOf", "2026-01-01T00:00:00Z", "objects", List.of(Map.of("object", "Account"))))
                .post("/api/v1/restores").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("objects[0].object"));
    }

    @Test
    void accountsDeletedWithTheirContactsComeBackFromTheRecycleBinWithTheirOriginalIds() {
        BackedUp backup = backUpTheDemoOrg(List.of("Account", "Contact"));
        Map<String, JsonNode> storedContacts = suite.storedRecords(suite.latestPoint(backup.policy(), "Contact").path("id").asText(), "Contact");
        List<String> deleted = ids(suite.mutate(Map.of("object", "Account", "delete", 20)).path("deleted"));
        Set<String> theirContacts = storedContacts.values().stream().filter(contact -> deleted.contains(contact.path("AccountId").asText()))
                .map(contact -> contact.path("Id").asText()).collect(Collectors.toSet());
        assertFalse(theirContacts.isEmpty(), "the deleted accounts had contacts");
        assertTrue(suite.orgRecords("Contact").keySet().stream().noneMatch(theirContacts::contains), "deleted with their accounts");

        JsonNode restore = restoreToEnd(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(),
                "objects", List.of(Map.of("object", "Account", "ids", deleted)), "hierarchy", Map.of("parents", 0, "children", 1)));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        assertEquals(20, restore.path("counters").path("undeleted").asLong(), explain(restore));
        assertEquals(0, restore.path("counters").path("recreated").asLong(), explain(restore));
        Map<String, JsonNode> accounts = suite.orgRecords("Account");
        Map<String, JsonNode> contacts = suite.orgRecords("Contact");
        deleted.forEach(id -> assertEqualsBackup(backup.stored().get(id), accounts.get(id)));
        theirContacts.forEach(id -> assertEqualsBackup(storedContacts.get(id), contacts.get(id)));
    }

    /**
     * An object of 700 long field names, whose SELECT of every restorable field with a full id list passes the 16,384
     * bytes Salesforce (and the emulator) allow a request line: the restore reads the org's records in groups of fields,
     * a query each, and puts back the changed and the deleted records.
     */
    @Test
    void anObjectTooWideForTheUrlOfARestQueryIsRestoredWithItsChangedAndDeletedRecordsBack() {
        BackedUp wide = backUpAWideObject();
        // the first field and one of the last: in different groups of a split read
        JsonNode mutation = suite.mutate(Map.of("object", "Wide__c", "update", 10, "delete", 3,
                "set", Map.of("A_Rather_Long_Custom_Field_Name_0__c", "Changed", "A_Rather_Long_Custom_Field_Name_650__c", "Changed")));

        JsonNode restore = restoreToEnd(Map.of("policyId", wide.policy().toString(), "restorePointId", wide.point(),
                "objects", List.of(Map.of("object", "Wide__c")), "hierarchy", Map.of("parents", 0, "children", 0)));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        assertEquals(10, restore.path("counters").path("updated").asLong(), explain(restore));
        assertEquals(3, restore.path("counters").path("undeleted").asLong(), explain(restore));
        Map<String, JsonNode> org = suite.orgRecords("Wide__c");
        assertEquals(wide.stored().keySet(), org.keySet(), "the deleted records are back: " + mutation.path("deleted"));
        wide.stored().values().forEach(record -> assertEqualsBackup(record, org.get(record.path("Id").asText())));
    }

    /**
     * The demo org, reset, with a custom object Wide__c of 40 records and 700 long field names, backed up: a REST
     * query of all its fields and a full id list passes the 16,384 bytes a request line may hold.
     */
    private static BackedUp backUpAWideObject() {
        suite.resetOrg();
        List<Map<String, String>> fields = IntStream.range(0, 700)
                .mapToObj(i -> Map.of("name", "A_Rather_Long_Custom_Field_Name_" + i + "__c", "type", "string")).toList();
        given().baseUri(suite.emulator.url()).contentType(ContentType.JSON).body(Map.of("name", "Wide__c", "records", 40, "fields", fields))
                .post("/emulator/admin/objects").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        UUID policy = suite.policy(List.of("Wide__c"), false, Map.of());
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "Wide__c").path("id").asText();
        return new BackedUp(policy, point, suite.storedRecords(point, "Wide__c"));
    }

    @Test
    void afterThePurgeRecordsAreRecreatedWithNewIdsTheirLookupsRewiredAndASecondRunCreatesNothing() {
        suite.resetOrg();
        UUID policy = suite.policy(List.of("Account", "Contact"), false, Map.of("parallelism", 2));
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "Account").path("id").asText();
        Map<String, JsonNode> storedAccounts = suite.storedRecords(point, "Account");
        Map<String, JsonNode> storedContacts = suite.storedRecords(suite.latestPoint(policy, "Contact").path("id").asText(), "Contact");
        assertTrue(storedAccounts.values().stream().anyMatch(account -> !account.path("ParentId").asText("").isEmpty()),
                "some accounts have a parent account");
        suite.mutate(Map.of("object", "Account", "delete", storedAccounts.size()));
        suite.purgeRecycleBin();
        String activeUser = suite.activeUserId();
        Map<String, Object> request = Map.of("policyId", policy.toString(), "restorePointId", point,
                "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 1),
                "target", Map.of("defaultOwnerId", activeUser));

        JsonNode restore = restoreToEnd(request);

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        Map<String, String> newIds = targetIds(report(restore));
        Map<String, JsonNode> accounts = suite.orgRecords("Account");
        Map<String, JsonNode> contacts = suite.orgRecords("Contact");
        assertEquals(storedAccounts.size(), accounts.size(), "every account back, none twice");
        for (JsonNode stored : storedAccounts.values()) {
            String newId = newIds.get(stored.path("Id").asText());
            assertFalse(newId.equals(stored.path("Id").asText()), "purged records come back under new ids");
            JsonNode now = accounts.get(newId);
            assertEquals(stored.path("Name").asText(), now.path("Name").asText());
            String parent = stored.path("ParentId").asText("");
            assertEquals(parent.isEmpty() ? "" : newIds.get(parent), now.path("ParentId").asText(""), newId + ".ParentId rewired");
        }
        for (JsonNode stored : storedContacts.values()) {
            String account = stored.path("AccountId").asText("");
            String id = newIds.getOrDefault(stored.path("Id").asText(), stored.path("Id").asText());
            JsonNode now = contacts.get(id);
            assertTrue(now != null, "contact " + stored.path("Id") + " is in the org as " + id);
            assertEquals(account.isEmpty() ? "" : newIds.get(account), now.path("AccountId").asText(""), id + ".AccountId rewired");
        }

        JsonNode again = restoreToEnd(request);
        assertEquals("SUCCESS", again.path("status").asText(), explain(again));
        assertEquals(0, again.path("counters").path("recreated").asLong(), explain(again));
        assertEquals(accounts.keySet(), suite.orgRecords("Account").keySet(), "a second run creates nothing");
        assertEquals(contacts.keySet(), suite.orgRecords("Contact").keySet(), "a second run creates nothing");
    }

    /**
     * Account.Primary_Contact__c → Contact while Contact.AccountId → Account: both records purged and restored, the
     * lookup closing the cycle is written by a lookups task after both records tasks, so each points at the other's new id.
     */
    @Test
    void aLookupCycleBetweenTwoObjectsIsRestoredWithBothLookupsOnTheNewIds() {
        suite.resetOrg();
        given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("object", "Account", "name", "Primary_Contact__c", "type", "reference", "referenceTo", "Contact"))
                .post("/emulator/admin/fields").then().statusCode(201);
        Map<String, JsonNode> accounts = suite.orgRecords("Account");
        // an account without a parent: the restore brings back these two records only, and reports nothing left empty
        JsonNode contact = suite.orgRecords("Contact").values().stream().filter(c -> !c.path("AccountId").asText("").isEmpty()
                && accounts.get(c.path("AccountId").asText()).path("ParentId").asText("").isEmpty()).findFirst().orElseThrow();
        String account = contact.path("AccountId").asText();
        String contactId = contact.path("Id").asText();
        updateInOrg("Account", Map.of("Id", account, "Primary_Contact__c", contactId));
        UUID policy = suite.policy(List.of("Account", "Contact"), false, Map.of("parallelism", 2));
        assertEquals("SUCCESS", suite.runToEnd(policy).path("status").asText());
        String point = suite.latestPoint(policy, "Account").path("id").asText();
        assertEquals(contactId, suite.storedRecords(point, "Account").get(account).path("Primary_Contact__c").asText(), "backed up");
        suite.mutate(Map.of("object", "Account", "delete", 300));
        suite.purgeRecycleBin();
        assertFalse(suite.orgRecords("Contact").containsKey(contactId), "deleted with its account, then purged");
        String activeUser = suite.activeUserId();

        JsonNode restore = restoreToEnd(Map.of("policyId", policy.toString(), "restorePointId", point,
                "objects", List.of(Map.of("object", "Account", "ids", List.of(account)), Map.of("object", "Contact", "ids", List.of(contactId))),
                "hierarchy", Map.of("parents", 0, "children", 0), "target", Map.of("defaultOwnerId", activeUser)));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        assertEquals(2, restore.path("counters").path("recreated").asLong(), explain(restore));
        Map<String, String> newIds = targetIds(report(restore));
        JsonNode newAccount = suite.orgRecords("Account").get(newIds.get(account));
        JsonNode newContact = suite.orgRecords("Contact").get(newIds.get(contactId));
        assertTrue(newAccount != null && newContact != null, explain(restore));
        assertFalse(newIds.get(account).equals(account), "recreated under a new id");
        assertEquals(newIds.get(contactId), newAccount.path("Primary_Contact__c").asText(""), "Account.Primary_Contact__c on the new contact");
        assertEquals(newIds.get(account), newContact.path("AccountId").asText(""), "Contact.AccountId on the new account");
        assertTrue(report(restore).stream().noneMatch(line -> line.path("message").asText("").contains("left empty")), explain(restore));
        // the demo org does not let audit fields be set: the restore says so once per object, in the session's log
        List<String> auditLines = sessionLog(restore).stream().filter(line -> line.contains("audit fields")).toList();
        assertEquals(2, auditLines.size(), auditLines.toString());
        assertTrue(auditLines.stream().anyMatch(line -> line.startsWith("Account: audit fields CreatedDate, CreatedById")), auditLines.toString());
        assertTrue(auditLines.stream().anyMatch(line -> line.startsWith("Contact: audit fields CreatedDate, CreatedById")), auditLines.toString());
    }

    private static List<String> sessionLog(JsonNode restore) {
        List<String> messages = new ArrayList<>();
        restore.path("sessions").forEach(session -> BackupSuite.json(given().baseUri(liveEngine().url())
                .get("/api/v1/sessions/" + session.path("id").asText() + "/log").then().statusCode(200).extract().asString())
                .forEach(line -> messages.add(line.path("message").asText())));
        return messages;
    }

    /** Writes fields of one record through sObject Collections, as an org user would. */
    private static void updateInOrg(String object, Map<String, Object> fields) {
        updateInOrg(object, List.of(fields));
    }

    /** Updates the records (each with its Id) through sObject Collections, all or none; 200 at most. */
    private static void updateInOrg(String object, List<Map<String, Object>> records) {
        String token = given().baseUri(suite.emulator.url()).contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-client").formParam("client_secret", "demo-secret").post("/services/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Map<String, Object> fields : records) {
            Map<String, Object> record = new LinkedHashMap<>(fields);
            record.put("attributes", Map.of("type", object));
            bodies.add(record);
        }
        given().baseUri(suite.emulator.url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("allOrNone", true, "records", bodies)).patch("/services/data/v62.0/composite/sobjects")
                .then().statusCode(200).body("success", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(true)));
    }

    /**
     * Parent accounts changed since the backup (cleared on some accounts, pointed elsewhere on others) are put back:
     * the parents are live in the org, so each account is written once, with its other fields untouched.
     */
    @Test
    void parentAccountsClearedOrRewiredSinceTheBackupArePutBack() {
        BackedUp accounts = backUpAccounts(600);
        List<String> withParent = accounts.stored().values().stream().filter(account -> !account.path("ParentId").asText("").isEmpty())
                .map(account -> account.path("Id").asText()).sorted().limit(30).toList();
        List<String> withoutParent = accounts.stored().values().stream().filter(account -> account.path("ParentId").asText("").isEmpty())
                .map(account -> account.path("Id").asText()).sorted().limit(31).toList();
        String elsewhere = withoutParent.get(0);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String id : withParent) {
            Map<String, Object> cleared = new HashMap<>(Map.of("Id", id));
            cleared.put("ParentId", null);
            changes.add(cleared);
        }
        withoutParent.subList(1, 31).forEach(id -> changes.add(Map.of("Id", id, "ParentId", elsewhere)));
        updateInOrg("Account", changes);
        Map<String, JsonNode> before = suite.orgRecords("Account");

        JsonNode restore = restoreToEnd(Map.of("policyId", accounts.policy().toString(), "restorePointId", accounts.point(),
                "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 0)));

        assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
        assertEquals(60, restore.path("counters").path("updated").asLong(), explain(restore));
        assertOnlyTheseFieldsRestored(Set.of("ParentId"), accounts.stored(), before, restore);
    }

    /**
     * Above the bulk threshold (default 2,000 records of one object) a task writes through Bulk API 2.0 ingest jobs:
     * the emulator holds one update job and one insert job over every record (8 API calls each, where sObject
     * Collections would take 30).
     */
    @Test
    void aboveTheBulkThresholdRecordsAreUpdatedAndRecreatedThroughBulkIngestJobsInFewCalls() {
        int accounts = 6000;
        BackedUp backup = backUpAccounts(accounts);
        assertEquals(accounts, backup.stored().size());
        Set<String> changed = Set.copyOf(ids(suite.mutate(Map.of("object", "Account", "update", accounts,
                "set", Map.of("BillingCity", "Corrupted"))).path("updated")));
        assertTrue(changed.size() >= 2000, "above the bulk threshold: " + changed.size());
        String activeUser = suite.activeUserId();
        Map<String, Object> request = Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(),
                "objects", List.of(Map.of("object", "Account")), "hierarchy", Map.of("parents", 0, "children", 0),
                "target", Map.of("defaultOwnerId", activeUser));

        Map<String, String> jobsBefore = ingestJobs();
        JsonNode updated = restoreToEnd(request);

        assertEquals("SUCCESS", updated.path("status").asText(), explain(updated));
        assertEquals(changed.size(), updated.path("counters").path("updated").asLong(), explain(updated));
        assertEquals(List.of("update Account " + changed.size()), newJobs(jobsBefore), "one update job over every changed record");
        Map<String, JsonNode> org = suite.orgRecords("Account");
        backup.stored().values().forEach(record -> assertEqualsBackup(record, org.get(record.path("Id").asText())));

        suite.mutate(Map.of("object", "Account", "delete", accounts));
        suite.purgeRecycleBin();

        jobsBefore = ingestJobs();
        JsonNode recreated = restoreToEnd(request);

        assertEquals("SUCCESS", recreated.path("status").asText(), explain(recreated));
        assertEquals(accounts, recreated.path("counters").path("recreated").asLong(), explain(recreated));
        assertTrue(newJobs(jobsBefore).contains("insert Account " + accounts), "one insert job over every record: " + newJobs(jobsBefore));
        Map<String, String> newIds = targetIds(report(recreated));
        Map<String, JsonNode> back = suite.orgRecords("Account");
        assertEquals(accounts, back.size(), "every account back, none twice");
        for (JsonNode record : backup.stored().values()) {
            JsonNode now = back.get(newIds.get(record.path("Id").asText()));
            assertTrue(now != null, record.path("Id").asText() + " recreated as " + newIds.get(record.path("Id").asText()));
            assertEquals(record.path("Name").asText(), now.path("Name").asText());
            assertTrue(OrgValues.same(record.get("BillingCity"), now.get("BillingCity")), now.toString());
            String parent = record.path("ParentId").asText("");
            assertEquals(parent.isEmpty() ? "" : newIds.get(parent), now.path("ParentId").asText(""), "ParentId rewired");
        }
    }

    /** The org's Bulk API 2.0 ingest jobs: id → "operation object recordsProcessed". */
    private static Map<String, String> ingestJobs() {
        Map<String, String> jobs = new LinkedHashMap<>();
        BackupSuite.json(new String(suite.salesforceGet("/services/data/v62.0/jobs/ingest"))).path("records").forEach(job ->
                jobs.put(job.path("id").asText(), job.path("operation").asText() + " " + job.path("object").asText() + " "
                        + job.path("numberRecordsProcessed").asLong()));
        return jobs;
    }

    /** The ingest jobs created since {@code before}. */
    private static List<String> newJobs(Map<String, String> before) {
        return ingestJobs().entrySet().stream().filter(job -> !before.containsKey(job.getKey())).map(Map.Entry::getValue).toList();
    }

    @Test
    void aValidationRuleRejectingSomeRecordsEndsTheRestoreWarningWithTheirCodesInTheReport() {
        BackedUp backup = backUpTheDemoOrg(List.of("Account"));
        List<String> changed = ids(suite.mutate(Map.of("object", "Account", "update", 60, "set", Map.of("Industry", "Energy"))).path("updated"));
        String rejected = changed.stream().map(id -> backup.stored().get(id).path("Industry").asText(""))
                .filter(industry -> !industry.isEmpty() && !industry.equals("Energy"))
                .collect(Collectors.groupingBy(industry -> industry, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> refused = changed.stream().filter(id -> backup.stored().get(id).path("Industry").asText("").equals(rejected))
                .collect(Collectors.toSet());
        Object rule = given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("object", "Account", "field", "Industry", "rejectWhenEquals", rejected, "message", "no " + rejected))
                .post("/emulator/admin/validation-rules").then().statusCode(201).extract().path("id");
        try {
            JsonNode restore = restoreToEnd(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(),
                    "objects", List.of(Map.of("object", "Account"))));

            assertEquals("WARNING", restore.path("status").asText(), explain(restore));
            assertEquals(List.of("WARNING"), sessionStatuses(restore), "the session rolls the rejections up as the restore shows them");
            assertEquals(refused.size(), restore.path("counters").path("failed").asLong(), explain(restore));
            assertEquals(changed.size() - refused.size(), restore.path("counters").path("updated").asLong(), explain(restore));
            List<JsonNode> failures = report(restore).stream().filter(line -> line.path("status").asText().equals("FAILED")).toList();
            assertEquals(refused, failures.stream().map(line -> line.path("backupId").asText()).collect(Collectors.toSet()));
            failures.forEach(line -> assertEquals("FIELD_CUSTOM_VALIDATION_EXCEPTION", line.path("statusCode").asText(), line.toString()));
            Map<String, JsonNode> org = suite.orgRecords("Account");
            changed.stream().filter(id -> !refused.contains(id)).forEach(id -> assertEqualsBackup(backup.stored().get(id), org.get(id)));
        } finally {
            given().baseUri(suite.emulator.url()).delete("/emulator/admin/validation-rules/" + rule).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        }
    }

    private static List<String> sessionStatuses(JsonNode restore) {
        List<String> statuses = new java.util.ArrayList<>();
        restore.path("sessions").forEach(session -> statuses.add(session.path("status").asText()));
        return statuses;
    }

    @Test
    void aRestoreInterruptedByASessionServiceKillResumesAndFinishesWithoutDuplicates() {
        BackedUp backup = backUpAccounts(3000);
        suite.mutate(Map.of("object", "Account", "delete", backup.stored().size()));
        suite.purgeRecycleBin();
        String activeUser = suite.activeUserId();
        // the first pass's Bulk API 2.0 read of the org finds no account (all purged) and goes on; once it recreated
        // every account, the second pass's read (for the ParentIds) matches them and waits, so the task is mid-object
        // when its engine dies
        long hold = suite.holdFault(Map.of("object", "Account", "call", "bulkJob", "jobRecordsAbove", 0));
        String id = given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                .body(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(), "objects", List.of(Map.of("object", "Account")),
                        "target", Map.of("defaultOwnerId", activeUser)))
                .post("/api/v1/restores").then().statusCode(202).extract().path("id");
        suite.awaitHeldCall(hold);
        String claimant = accountTask(id).path("claimedBy").asText();
        suite.kill(claimant);
        suite.release(hold);
        try {
            JsonNode restore = awaitRestore(id);
            assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
            assertTrue(accountTask(id).path("attempts").asInt() >= 2, "resumed by a second attempt");
            Map<String, JsonNode> accounts = suite.orgRecords("Account");
            assertEquals(backup.stored().size(), accounts.size(), "every account recreated once");
            assertEquals(backup.stored().values().stream().map(account -> account.path("Name").asText()).collect(Collectors.toSet()),
                    accounts.values().stream().map(account -> account.path("Name").asText()).collect(Collectors.toSet()));
            assertEquals(backup.stored().size(), restore.path("counters").path("recreated").asLong(), explain(restore));
        } finally {
            suite.restart(claimant);
        }
    }

    /**
     * A kill between the org's answer to a create and the id map (a test-only halt of engine A right there): the
     * resumed task finds the records the killed attempt created through their insert intents and creates none twice.
     */
    @Test
    void aKillBetweenTheOrgsCreateAnswerAndTheIdMapLeavesNoDuplicateOnResume() {
        // one chunk (200 records, an sObject Collections create) created before the kill
        assertAKillAfterTheCreateAnswerLeavesNoDuplicate("Account", backUpTheDemoOrg(List.of("Account")), 200);
    }

    /** The same kill on an object too wide for one REST query: the resumed task looks for its records in groups of fields. */
    @Test
    void aKillBetweenTheOrgsCreateAnswerAndTheIdMapOfAnObjectTooWideForTheUrlOfARestQueryLeavesNoDuplicateOnResume() {
        assertAKillAfterTheCreateAnswerLeavesNoDuplicate("Wide__c", backUpAWideObject(), 40);
    }

    /** Every record of the object purged, then restored with engine A halted after the org answered its first create. */
    private static void assertAKillAfterTheCreateAnswerLeavesNoDuplicate(String object, BackedUp backup, int firstCreate) {
        suite.mutate(Map.of("object", object, "delete", backup.stored().size()));
        suite.purgeRecycleBin();
        String activeUser = suite.activeUserId();
        suite.kill("engine-b");
        suite.restartWith("engine-a", Map.of("backup.restore.test-halt-after-create-of", object));
        ServiceProcess halting = suite.engineA;
        try {
            String id = given().baseUri(suite.engineA.url()).contentType(ContentType.JSON)
                    .body(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(), "objects", List.of(Map.of("object", object)),
                            "target", Map.of("defaultOwnerId", activeUser)))
                    .post("/api/v1/restores").then().statusCode(202).extract().path("id");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (suite.engineA.isAlive() && Instant.now().isBefore(deadline)) {
                BackupSuite.sleep(100);
            }
            assertFalse(suite.engineA.isAlive(), "engine A halted after the org answered the first create");
            int createdBeforeTheKill = suite.orgRecords(object).size();
            assertEquals(firstCreate, createdBeforeTheKill, "the first create's records in the org, their ids never recorded");
            suite.restartKilledEngines();

            JsonNode restore = awaitRestore(id);

            assertEquals("SUCCESS", restore.path("status").asText(), explain(restore));
            Map<String, JsonNode> records = suite.orgRecords(object);
            assertEquals(backup.stored().size(), records.size(), "every record once: the interrupted chunk was not created again");
            assertEquals(backup.stored().values().stream().map(record -> record.path("Name").asText()).collect(Collectors.toSet()),
                    records.values().stream().map(record -> record.path("Name").asText()).collect(Collectors.toSet()));
            List<JsonNode> lines = report(restore);
            assertEquals(createdBeforeTheKill, lines.stream().filter(line -> line.path("message").asText("").contains("interrupted attempt"))
                    .count(), "each record the killed attempt created is found in the org");
            assertEquals(records.keySet(), lines.stream().map(line -> line.path("targetId").asText()).collect(Collectors.toSet()),
                    "the report (and the id map) name the records in the org");
        } finally {
            if (suite.engineA == halting) {
                suite.restartWith("engine-a", Map.of());
            }
            suite.restart("engine-b");
        }
    }

    private static JsonNode accountTask(String restoreId) {
        JsonNode session = suite.session(restore(restoreId).path("sessions").get(0).path("id").asText());
        for (JsonNode task : session.path("tasks")) {
            if (task.path("object").asText().equals("Account")) {
                return task;
            }
        }
        throw new AssertionError("no Account task in " + session);
    }

    @Test
    void aRestoreIntoASecondOrgThroughAnotherConnectionAppliesTheFieldMapping() {
        BackedUp backup = backUpTheDemoOrg(List.of("Account"));
        // the emulator numbers ids from 1 in every org: ids above the sandbox's few accounts and its new ones exist only in the source
        List<String> chosen = backup.stored().keySet().stream().sorted().skip(40).limit(12).toList();
        try (ServiceProcess sandbox = ServiceProcess.builder("salesforce-emulator").maxHeap("256m").start()) {
            given().baseUri(sandbox.url()).contentType(ContentType.JSON)
                    .body(Map.of("seed", 99, "objects", Map.of("Account", 5, "User", 40), "apiLimit", 100_000_000))
                    .post("/emulator/admin/reset").then().statusCode(200);
            String owner = records(sandbox, "User").values().stream().filter(user -> user.path("IsActive").asBoolean())
                    .findFirst().orElseThrow().path("Id").asText();
            UUID connection = UUID.fromString(given().baseUri(suite.policy.url()).contentType(ContentType.JSON)
                    .body(Map.of("name", "sandbox-" + UUID.randomUUID(), "loginUrl", sandbox.url(), "apiVersion", "62.0",
                            "flow", "CLIENT_CREDENTIALS", "clientId", "demo-client", "clientSecret", "demo-secret"))
                    .post("/api/v1/connections").then().statusCode(201).extract().path("id"));

            JsonNode restore = restoreToEnd(Map.of("policyId", backup.policy().toString(), "restorePointId", backup.point(),
                    "objects", List.of(Map.of("object", "Account", "ids", chosen)),
                    "target", Map.of("connectionId", connection.toString(), "defaultOwnerId", owner,
                            "fieldMapping", Map.of("Account", Map.of("Website", "Description")))));

            assertEquals(chosen.size(), restore.path("counters").path("recreated").asLong(), explain(restore));
            assertEquals(0, restore.path("counters").path("failed").asLong(), explain(restore));
            // a parent account that is neither in the sandbox nor restored leaves ParentId empty, reported: WARNING
            List<JsonNode> leftEmpty = report(restore).stream().filter(line -> line.path("message").asText("").contains("left empty")).toList();
            assertEquals(leftEmpty.isEmpty() ? "SUCCESS" : "WARNING", restore.path("status").asText(), explain(restore));
            assertEquals(List.of(restore.path("status").asText()), sessionStatuses(restore), explain(restore));
            leftEmpty.forEach(line -> assertTrue(line.path("message").asText().startsWith("ParentId left empty"), line.toString()));
            Map<String, String> newIds = targetIds(report(restore));
            Map<String, JsonNode> sandboxAccounts = records(sandbox, "Account");
            assertEquals(5 + chosen.size(), sandboxAccounts.size());
            for (String id : chosen) {
                JsonNode now = sandboxAccounts.get(newIds.get(id));
                assertEquals(backup.stored().get(id).path("Name").asText(), now.path("Name").asText());
                assertEquals(backup.stored().get(id).path("Website").asText(""), now.path("Description").asText(""), "Website mapped onto Description");
                assertEquals("", now.path("Website").asText(""), "the mapped field is not written under its own name");
            }
            assertEquals(backup.stored().keySet(), suite.orgRecords("Account").keySet(), "the source org is untouched");
        }
    }

    private static Map<String, JsonNode> records(ServiceProcess emulator, String object) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        given().baseUri(emulator.url()).get("/emulator/admin/objects/" + object + "/records").then().statusCode(200).extract()
                .asString().lines().filter(line -> !line.isBlank()).map(BackupSuite::json)
                .forEach(record -> records.put(record.path("Id").asText(), record));
        return records;
    }

    /** Every field of the backup, but those the org maintains itself, holds the backed-up value in the org. */
    private static void assertEqualsBackup(JsonNode stored, JsonNode org) {
        assertTrue(org != null, "record " + stored.path("Id") + " is in the org");
        stored.fields().forEachRemaining(field -> {
            if (!MAINTAINED_BY_THE_ORG.contains(field.getKey())) {
                assertTrue(OrgValues.same(field.getValue(), org.get(field.getKey())), stored.path("Id").asText() + "." + field.getKey()
                        + ": backup " + field.getValue() + ", org " + org.get(field.getKey()));
            }
        });
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static JsonNode restoreToEnd(Map<String, Object> request) {
        String id = given().baseUri(suite.engineA.url()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/restores").then().statusCode(202).extract().path("id");
        return awaitRestore(id);
    }

    static JsonNode awaitRestore(String id) {
        return suite.awaitRestore(id, Duration.ofSeconds(300));
    }

    /** The restore with its tasks' messages, for assertion failures. */
    static String explain(JsonNode restore) {
        StringBuilder text = new StringBuilder(restore.toString());
        restore.path("sessions").forEach(session -> suite.session(session.path("id").asText()).path("tasks").forEach(task ->
                text.append("\n  ").append(task.path("object").asText()).append(' ').append(task.path("status").asText())
                        .append(": ").append(task.path("message").asText())));
        return text.toString();
    }

    static JsonNode restore(String id) {
        return BackupSuite.json(given().baseUri(liveEngine().url()).get("/api/v1/restores/" + id).then().statusCode(200)
                .extract().asString());
    }

    static List<JsonNode> report(JsonNode restore) {
        String ndjson = given().baseUri(liveEngine().url()).get("/api/v1/restores/" + restore.path("id").asText() + "/report")
                .then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        ndjson.lines().filter(line -> !line.isBlank()).forEach(line -> lines.add(BackupSuite.json(line)));
        return lines;
    }

    private static ServiceProcess liveEngine() {
        return suite.engineA.isAlive() ? suite.engineA : suite.engineB;
    }

    /** Backup id → the report line's target id. */
    static Map<String, String> targetIds(List<JsonNode> report) {
        Map<String, String> ids = new HashMap<>();
        report.forEach(line -> ids.put(line.path("backupId").asText(), line.path("targetId").asText(null)));
        return ids;
    }

    private static Map<String, String> actions(List<JsonNode> report) {
        return report.stream().collect(Collectors.toMap(line -> line.path("object").asText() + "/" + line.path("backupId").asText(),
                line -> line.path("action").asText() + " " + fields(line).stream().sorted().toList()));
    }

    private static List<String> fields(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.path("changedFields").forEach(name -> names.add(name.asText()));
        return names;
    }
}
