package dev.sfbackup.session.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PointDescribesTest {

    @Test
    void theDescribeStoredWithThePointWinsOverTheTargetOrgsAndTheOrgAnswersOnlyForObjectsWithoutOne() {
        SObjectDescribe thenContact = describe("Contact", "AccountId", "Account"); // Contact looked up Account at the point
        SObjectDescribe nowContact = describe("Contact", "Partner__c", "Partner__c");
        SObjectDescribe nowLead = describe("Lead", "ConvertedAccountId", "Account");
        List<String> askedTheOrg = new ArrayList<>();
        List<String> askedStorage = new ArrayList<>();
        Function<String, SObjectDescribe> describes = PointDescribes.cached(object -> {
            askedStorage.add(object);
            return Optional.ofNullable(Map.of("Contact", thenContact).get(object));
        }, object -> {
            askedTheOrg.add(object);
            return Map.of("Contact", nowContact, "Lead", nowLead).get(object);
        });

        assertEquals(thenContact, describes.apply("Contact"));
        assertEquals(nowLead, describes.apply("Lead"));
        assertEquals(thenContact, describes.apply("Contact"));
        assertEquals(List.of("Lead"), askedTheOrg, "the org is asked only where the point stored no describe");
        assertEquals(List.of("Contact", "Lead"), askedStorage, "once per object");
    }

    private static SObjectDescribe describe(String object, String lookup, String target) {
        FieldDescribe field = new FieldDescribe(lookup, lookup, "reference", 18, true, true, true, false, false, false,
                List.of(target), null);
        return new SObjectDescribe(object, object, false, true, true, true, true, true, List.of(field));
    }
}
