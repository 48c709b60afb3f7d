package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.RecordedOrg.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DescribeTest {

    private static final String DATA = "/services/data/v62.0";

    private final RecordedOrg org = new RecordedOrg()
            .on("GET /services/data/", Reply.json(200, "rest/versions.json"))
            .on("GET " + DATA + "/sobjects", Reply.json(200, "rest/describe-global.json"))
            .on("GET " + DATA + "/sobjects/Account/describe", Reply.json(200, "rest/describe-account.json"))
            .on("GET " + DATA + "/sobjects/Merchandise__c/describe", Reply.json(200, "rest/describe-merchandise.json"))
            .on("GET " + DATA + "/sobjects/AssetAttribute/describe", Reply.json(200, "rest/describe-assetattribute.json"));

    private final SalesforceConnection connection = org.connect(RecordedOrg.fastOptions());

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void versionsListTheApiVersionsTheOrgServes() {
        List<ApiVersion> versions = connection.versions();

        assertEquals("62.0", versions.getLast().version());
        assertEquals("/services/data/v58.0", versions.getFirst().url());
    }

    @Test
    void describeGlobalListsObjectsWithTheirCapabilities() {
        GlobalDescribe global = connection.describeGlobal();

        assertEquals(200, global.maxBatchSize());
        SObjectSummary account = global.find("Account").orElseThrow();
        assertTrue(account.queryable() && account.retrieveable() && account.replicateable() && !account.custom());
        assertTrue(global.find("Merchandise__c").orElseThrow().custom());
    }

    @Test
    void describeReadsFieldsWithTypesReferencesAndPermissions() {
        SObjectDescribe account = connection.describe("Account");

        FieldDescribe parent = account.field("ParentId").orElseThrow();
        assertEquals("reference", parent.type());
        assertEquals(List.of("Account"), parent.referenceTo());
        assertEquals("Parent", parent.relationshipName());
        assertTrue(parent.nillable() && parent.createable() && parent.updateable());
        FieldDescribe name = account.field("Name").orElseThrow();
        assertEquals(255, name.length());
        assertTrue(!name.nillable());
        assertTrue(account.field("Rollup__c").orElseThrow().calculated());
    }

    @Test
    void describeReadsWhatARestoreNeedsUndeletableAndChildRelationshipsWithCascadeDelete() {
        SObjectDescribe account = connection.describe("Account");

        assertTrue(account.undeletable() && account.createable() && account.updateable());
        assertEquals(List.of(
                new SObjectDescribe.ChildRelationship("Account", "ParentId", "ChildAccounts", false),
                new SObjectDescribe.ChildRelationship("Contact", "AccountId", "Contacts", true),
                new SObjectDescribe.ChildRelationship("Task", "WhatId", null, false)), account.childRelationships());
        FieldDescribe id = account.field("Id").orElseThrow();
        assertTrue(!id.autoNumber() && !id.createable());
        assertTrue(connection.describe("Merchandise__c").childRelationships().isEmpty(), "absent list reads empty");
    }

    @Test
    void incrementalFieldIsSystemModstampElseLastModifiedDateElseNone() {
        assertEquals(Optional.of("SystemModstamp"), connection.describe("Account").incrementalField());
        assertEquals(Optional.of("LastModifiedDate"), connection.describe("Merchandise__c").incrementalField());
        assertEquals(Optional.empty(), connection.describe("AssetAttribute").incrementalField());
    }

    @Test
    void objectsThatCannotBeQueriedOrRetrievedOrNeedAFilterAreSkippedWithAReason() {
        Map<String, ObjectEligibility> byName = new java.util.HashMap<>();
        connection.describeGlobal().sobjects().forEach(o -> byName.put(o.name(), ObjectEligibility.classify(o)));

        assertTrue(byName.get("Account").backedUp());
        assertTrue(byName.get("Merchandise__c").backedUp());
        assertEquals("not queryable (describe: queryable=false)", byName.get("ActivityHistory").skipReason().orElseThrow());
        assertEquals("not retrievable (describe: retrieveable=false)", byName.get("AssetAttribute").skipReason().orElseThrow());
        assertTrue(byName.get("ContentDocumentLink").skipReason().orElseThrow().contains("without a filter"));
    }

    @Test
    void anObjectWhoseUnfilteredQueryIsRefusedByImplementationRestrictionIsSkipped() {
        org.on("GET " + DATA + "/query", Reply.json(400, "errors/implementation-restriction.json"));
        RestQuery<ObjectNode> query = connection.query("SELECT Id FROM ContentDocumentLink");

        MalformedQueryException refused = assertThrows(MalformedQueryException.class, query::hasNext);

        ObjectEligibility eligibility = ObjectEligibility.fromQueryError("ContentDocumentLink", refused).orElseThrow();
        assertTrue(eligibility.skipReason().orElseThrow().startsWith("cannot be queried without a filter (Implementation restriction"));
        assertTrue(ObjectEligibility.fromQueryError("Account",
                new InvalidFieldException(400, "INVALID_FIELD", "No such column")).isEmpty());
    }

    @Test
    void recordCountsAreReadByObjectName() {
        org.on("GET " + DATA + "/limits/recordCount?sObjects=Account%2CContact", Reply.json(200, "rest/record-count.json"));

        assertEquals(Map.of("Account", 3L, "Contact", 10L), connection.recordCounts(List.of("Account", "Contact")));
    }

    @Test
    void recordCountsOfAWideOrgGoInCallsOfShortUris() {
        org.on("GET " + DATA + "/limits/recordCount", Reply.json(200, "rest/record-count.json"));
        List<String> objects = IntStream.range(0, 600).mapToObj(i -> "Object_With_A_Long_Custom_Name_" + i + "__c").toList();

        assertEquals(Map.of("Account", 3L, "Contact", 10L), connection.recordCounts(objects));

        List<RecordedOrg.Received> calls = org.received("GET", DATA + "/limits/recordCount");
        assertTrue(calls.size() > 1, calls.size() + " calls");
        List<String> asked = new ArrayList<>();
        for (RecordedOrg.Received call : calls) {
            assertTrue(call.pathAndQuery().length() <= 2000, call.pathAndQuery().length() + " characters");
            String list = call.pathAndQuery().substring(call.pathAndQuery().indexOf("?sObjects=") + "?sObjects=".length());
            asked.addAll(List.of(URLDecoder.decode(list, StandardCharsets.UTF_8).split(",")));
        }
        assertEquals(objects, asked);
    }

    @Test
    void getDeletedListsDeletedIdsWithTheCoveredWindow() {
        org.on("GET " + DATA + "/sobjects/Merchandise__c/deleted/", Reply.json(200, "rest/deleted.json"));

        DeletedRecords deleted = connection.getDeleted("Merchandise__c",
                Instant.parse("2013-05-05T00:00:00Z"), Instant.parse("2013-05-10T00:00:00Z"));

        assertEquals("a00D0000008pQRAIA2", deleted.deletedRecords().get(0).id());
        assertEquals(Instant.parse("2013-05-07T22:07:19Z"), deleted.deletedRecords().get(0).deletedDate());
        assertEquals(Instant.parse("2013-05-03T15:57:00Z"), deleted.earliestDateAvailable());
        assertEquals(Instant.parse("2013-05-08T21:20:00Z"), deleted.latestDateCovered());
        assertEquals(DATA + "/sobjects/Merchandise__c/deleted/?start=2013-05-05T00%3A00%3A00Z&end=2013-05-10T00%3A00%3A00Z",
                org.received("GET", DATA + "/sobjects/Merchandise__c/deleted").get(0).pathAndQuery());
    }
}
