package dev.sfbackup.session.restore.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.restore.ObjectSelection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RestorePlannerTest {

    private static final Map<String, SObjectDescribe> ORG = Map.of(
            "Account", object("Account", List.of(lookup("ParentId", "Account"), lookup("OwnerId", "User")),
                    List.of(child("Contact", "AccountId"), child("Opportunity", "AccountId"), child("Account", "ParentId"))),
            "Contact", object("Contact", List.of(lookup("AccountId", "Account"), lookup("OwnerId", "User")), List.of()),
            "Opportunity", object("Opportunity", List.of(lookup("AccountId", "Account")), List.of()),
            "User", object("User", List.of(), List.of()));

    private final RestorePlanner planner = new RestorePlanner(ORG::get, Set.of("Account", "Contact", "User"));

    @Test
    void childrenOneLevelAddsTheBackedUpObjectsLookingUpToTheChosenOneAfterIt() {
        List<RestorePlanner.PlannedObject> planned = planner.plan(List.of(ObjectSelection.named("Account", null, null, null)), 0, 1);
        Map<String, RestorePlanner.PlannedObject> byObject = byObject(planned);
        assertEquals(Set.of("Account", "Contact"), byObject.keySet(), "Opportunity has no backup; Account's self-relationship adds nothing");
        assertEquals(0, byObject.get("Account").stage());
        assertEquals(1, byObject.get("Contact").stage(), "children after their parents");
        assertEquals(List.of(new ObjectSelection.Link(ObjectSelection.Direction.CHILD_OF, "Account", "AccountId")),
                byObject.get("Contact").selection().links());
        assertTrue(!byObject.get("Contact").selection().all());
    }

    @Test
    void parentsOneLevelAddsWhatTheChosenRecordsLookUpButNeverUsers() {
        List<RestorePlanner.PlannedObject> planned = planner.plan(List.of(ObjectSelection.named("Contact", List.of("003000000000001AAA"), null, null)), 1, 0);
        Map<String, RestorePlanner.PlannedObject> byObject = byObject(planned);
        assertEquals(Set.of("Account", "Contact"), byObject.keySet());
        assertEquals(List.of(new ObjectSelection.Link(ObjectSelection.Direction.PARENT_OF, "Contact", "AccountId")),
                byObject.get("Account").selection().links());
        assertEquals("Account", planned.get(0).selection().object(), "parents first");
    }

    @Test
    void noHierarchyRestoresOnlyTheNamedObjects() {
        assertEquals(1, planner.plan(List.of(ObjectSelection.named("Contact", null, null, null)), 0, 0).size());
    }

    @Test
    void anObjectRestoredInFullTakesNoLinks() {
        List<RestorePlanner.PlannedObject> planned = planner.plan(List.of(ObjectSelection.named("Account", null, null, null),
                ObjectSelection.named("Contact", null, null, null)), 1, 1);
        planned.forEach(object -> assertTrue(object.selection().all() && object.selection().links().isEmpty(), object.toString()));
    }

    @Test
    void aCycleBetweenTwoObjectsLeavesTheLookupThatClosesItToALaterTask() {
        Map<String, SObjectDescribe> cyclic = Map.of(
                "Account", object("Account", List.of(lookup("ParentId", "Account"), lookup("Primary_Contact__c", "Contact")),
                        List.of(child("Contact", "AccountId"))),
                "Contact", object("Contact", List.of(lookup("AccountId", "Account"), lookup("OwnerId", "User")),
                        List.of(child("Account", "Primary_Contact__c"))));
        List<RestorePlanner.PlannedObject> planned = new RestorePlanner(cyclic::get, Set.of("Account", "Contact"))
                .plan(List.of(ObjectSelection.named("Account", null, null, null), ObjectSelection.named("Contact", null, null, null)), 1, 1);
        Map<String, RestorePlanner.PlannedObject> byObject = byObject(planned);
        RestorePlanner.PlannedObject first = planned.get(0);
        RestorePlanner.PlannedObject second = planned.get(1);
        assertTrue(first.stage() < second.stage(), planned.toString());
        assertEquals(1, first.selection().laterLookups().size(), "the earlier object's lookup to the later one waits: " + planned);
        assertEquals(List.of(), second.selection().laterLookups(), "the later object's lookup finds its target written");
        assertEquals(Map.of("Account", List.of("Primary_Contact__c"), "Contact", List.of("AccountId")).get(first.selection().object()),
                first.selection().laterLookups(), "the lookup closing the cycle is the earlier object's, to the later one");
        assertEquals(List.of(), byObject.get("Account").selection().laterLookups().stream().filter("ParentId"::equals).toList(),
                "a self-lookup stays with its records task's second pass");
    }

    @Test
    void withoutACycleNoLookupWaits() {
        planner.plan(List.of(ObjectSelection.named("Account", null, null, null), ObjectSelection.named("Contact", null, null, null)), 0, 0)
                .forEach(object -> assertEquals(List.of(), object.selection().laterLookups(), object.toString()));
    }

    private static Map<String, RestorePlanner.PlannedObject> byObject(List<RestorePlanner.PlannedObject> planned) {
        return planned.stream().collect(Collectors.toMap(object -> object.selection().object(), object -> object));
    }

    private static SObjectDescribe object(String name, List<FieldDescribe> fields, List<SObjectDescribe.ChildRelationship> children) {
        return new SObjectDescribe(name, name, false, true, true, true, true, true, true, fields, children);
    }

    private static FieldDescribe lookup(String name, String to) {
        return new FieldDescribe(name, name, "reference", 18, true, true, true, false, false, false, List.of(to), null);
    }

    private static SObjectDescribe.ChildRelationship child(String object, String field) {
        return new SObjectDescribe.ChildRelationship(object, field, object + "s", false);
    }
}
