package dev.sfbackup.session.backup.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.salesforce.SObjectSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeResolverTest {

    private static final List<SObjectSummary> ORG = List.of(object("Account", true), object("Contact", true),
            object("Case", true), object("LoginEvent", false), object("Invoice__c", true));

    private static SObjectSummary object(String name, boolean queryable) {
        return new SObjectSummary(name, name, name.endsWith("__c"), queryable, true, true, true, true, true, true, "001");
    }

    private static PolicyScope scope(List<String> objects, List<String> exclude) {
        return new PolicyScope(objects, exclude, true, true, true, true, Map.of());
    }

    @Test
    void allMeansEveryQueryableObjectExceptExcludedOnes() {
        ScopeDecision decision = ScopeResolver.resolve(scope(List.of("all"), List.of("case")), ORG, Set.of(), Set.of());
        assertEquals(List.of("Account", "Contact", "Invoice__c"), decision.objects());
        assertEquals(Map.of("LoginEvent", "not queryable (describe: queryable=false)"), decision.skipped());
        assertEquals(List.of(), decision.newObjects(), "nothing is new on a policy's first run");
    }

    @Test
    void namedObjectsMissingFromTheOrgAreSkippedWithAReason() {
        ScopeDecision decision = ScopeResolver.resolve(scope(List.of("Account", "Gone__c"), List.of()), ORG, Set.of(), Set.of());
        assertEquals(List.of("Account"), decision.objects());
        assertEquals(Map.of("Gone__c", "not found in the org's describeGlobal"), decision.skipped());
    }

    @Test
    void objectsUnknownToEarlierRunsAreNewAndNotBackedUpUntilAdded() {
        Set<String> known = Set.of("Account", "Contact", "Case", "LoginEvent");
        ScopeDecision all = ScopeResolver.resolve(scope(List.of("all"), List.of()), ORG, known, Set.of());
        assertEquals(List.of("Account", "Contact", "Case"), all.objects());
        assertEquals(List.of("Invoice__c"), all.newObjects());
        ScopeDecision named = ScopeResolver.resolve(scope(List.of("Account"), List.of()), ORG, known, Set.of());
        assertEquals(List.of("Account"), named.objects());
        assertEquals(List.of("Invoice__c"), named.newObjects());
    }

    @Test
    void ignoredObjectsStayOutOfAllUnlessNamed() {
        Set<String> known = Set.of("Account", "Contact", "Case", "LoginEvent", "Invoice__c");
        assertEquals(List.of("Account", "Contact", "Case"),
                ScopeResolver.resolve(scope(List.of("all"), List.of()), ORG, known, Set.of("Invoice__c")).objects());
        assertEquals(List.of("Invoice__c"),
                ScopeResolver.resolve(scope(List.of("Invoice__c"), List.of()), ORG, known, Set.of("Invoice__c")).objects());
    }

    @Test
    void excludedNewObjectsAreNotProposed() {
        Set<String> known = Set.of("Account");
        ScopeDecision decision = ScopeResolver.resolve(scope(List.of("Account"), List.of("Contact", "Case", "Invoice__c")), ORG, known, Set.of());
        assertEquals(List.of(), decision.newObjects());
    }
}
