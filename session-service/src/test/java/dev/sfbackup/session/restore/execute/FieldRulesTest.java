package dev.sfbackup.session.restore.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

    private static final SObjectDescribe ACCOUNT = new SObjectDescribe("Account", "Account", false, true, true, true, true,
            true, true, List.of(
                    field("Id", "id", false, false, false, false),
                    field("Name", "string", true, true, false, false),
                    field("Rating__c", "string", true, true, false, false),
                    field("Score__c", "double", false, false, true, false),
                    field("Number__c", "string", false, false, false, true),
                    field("CreatedDate", "datetime", false, false, false, false),
                    field("SystemModstamp", "datetime", false, false, false, false),
                    field("BillingAddress", "address", false, false, false, false),
                    new FieldDescribe("ParentId", "Parent", "reference", 18, true, true, true, false, false, false, List.of("Account"), "Parent"),
                    new FieldDescribe("Primary_Contact__c", "Primary Contact", "reference", 18, true, true, true, false, true, false,
                            List.of("Contact"), "Primary_Contact__r"),
                    new FieldDescribe("OwnerId", "Owner", "reference", 18, false, true, true, false, false, false, List.of("User"), "Owner")),
            List.of());

    @Test
    void writesOnlyCreateableOrUpdateableFieldsThatAreNotCalculatedAutoNumberSystemOrCompound() {
        FieldRules rules = new FieldRules(ACCOUNT, Map.of(), List.of(), List.of());
        assertEquals(List.of("Name", "Rating__c", "ParentId", "Primary_Contact__c", "OwnerId"), rules.all().stream().map(RestorableField::name).toList());
        assertEquals(List.of("ParentId"), rules.selfLookups().stream().map(RestorableField::name).toList());
        assertEquals(List.of("Name", "Rating__c", "Primary_Contact__c", "OwnerId"), rules.firstPass().stream().map(RestorableField::name).toList());
        assertEquals(List.of(), rules.laterLookups());
    }

    @Test
    void aLookupClosingACycleBetweenObjectsLeavesTheFirstPassForTheLookupsTask() {
        FieldRules rules = new FieldRules(ACCOUNT, Map.of(), List.of(), List.of("Primary_Contact__c"));
        assertEquals(List.of("Name", "Rating__c", "OwnerId"), rules.firstPass().stream().map(RestorableField::name).toList());
        assertEquals(List.of("Primary_Contact__c"), rules.laterLookups().stream().map(RestorableField::name).toList());
        assertEquals(List.of("ParentId"), rules.selfLookups().stream().map(RestorableField::name).toList());
        assertEquals(List.of("Name", "OwnerId", "ParentId", "Rating__c"), rules.firstWrite().stream().map(RestorableField::name).sorted().toList(),
                "a first write holds the first pass's fields and the self-lookups, never the later lookups");
    }

    @Test
    void auditFieldsTheTargetDoesNotLetBeSetAreSkippedAndNamedOnce() {
        FieldRules rules = new FieldRules(ACCOUNT, Map.of(), List.of(), List.of());
        assertEquals(List.of("CreatedDate"), rules.skippedAuditFields(), "the only audit field of this describe, not createable");
        SObjectDescribe allowing = new SObjectDescribe("Account", "Account", false, true, true, true, true, true, true,
                List.of(field("Name", "string", true, true, false, false), field("CreatedDate", "datetime", true, false, false, false),
                        field("LastModifiedDate", "datetime", true, false, false, false)), List.of());
        FieldRules allowed = new FieldRules(allowing, Map.of(), List.of(), List.of());
        assertEquals(List.of("Name", "CreatedDate"), allowed.all().stream().map(RestorableField::name).toList(), "set on insert when the org allows it");
        assertEquals(List.of("LastModifiedDate"), allowed.skippedAuditFields(), "Salesforce writes it on every save");
        assertEquals(List.of(), new FieldRules(ACCOUNT, Map.of(), List.of("Name"), List.of()).skippedAuditFields(),
                "a field-level restore that does not ask for them skips nothing");
    }

    @Test
    void requestedFieldsAndTheMappingNarrowAndRename() {
        FieldRules rules = new FieldRules(ACCOUNT, Map.of("Legacy__c", "Rating__c"), List.of("Legacy__c", "Name"), List.of());
        assertEquals(List.of("Name", "Rating__c"), rules.all().stream().map(RestorableField::name).toList());
        assertEquals(List.of("Name", "Legacy__c"), rules.all().stream().map(RestorableField::source).toList());
    }

    private static FieldDescribe field(String name, String type, boolean createable, boolean updateable, boolean calculated,
            boolean autoNumber) {
        return new FieldDescribe(name, name, type, 80, true, createable, updateable, calculated, false, false, List.of(), null,
                autoNumber, false);
    }
}
