package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.restore.RestoreRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreWizardFormTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Two objects: Accounts by id at a point, Contacts by filter with a field subset and a mapping into another org. */
    private static RestoreWizardForm form() {
        RestoreWizardForm form = RestoreWizardForm.start(UUID.randomUUID().toString(), "Account", "001Dn0000000004IAA, 001Dn0000000005IAA", UUID.randomUUID().toString());
        form.object.add("Contact");
        form.ids.add("");
        form.where.add("LastName=Smith; Department = Sales");
        form.fields.add("LastName Email");
        form.mapping.add("Department=Team__c");
        form.object.add("");
        form.ids.add("");
        form.where.add("");
        form.fields.add("");
        form.mapping.add("");
        form.mode = "RECREATE";
        form.parents = "2";
        form.children = "";
        form.targetConnectionId = UUID.randomUUID().toString();
        form.defaultOwnerId = "005Dn0000000001IAA";
        return form;
    }

    @Test
    void theWizardMakesSessionServicesRestoreRequest() {
        RestoreWizardForm form = form();
        assertEquals(Map.of(), form.typeErrors());
        RestoreRequest request = form.toRequest(true);
        assertEquals(UUID.fromString(form.policyId), request.policyId());
        assertEquals(UUID.fromString(form.restorePointId), request.restorePointId());
        assertNull(request.asOf());
        assertEquals(List.of(
                new RestoreRequest.ObjectScope("Account", List.of("001Dn0000000004IAA", "001Dn0000000005IAA"), null, null),
                new RestoreRequest.ObjectScope("Contact", null, Map.of("LastName", "Smith", "Department", "Sales"), List.of("LastName", "Email"))),
                request.objects());
        assertEquals(new RestoreRequest.Target(UUID.fromString(form.targetConnectionId), Map.of("Contact", Map.of("Department", "Team__c")),
                "005Dn0000000001IAA"), request.target());
        assertEquals("RECREATE", request.mode());
        assertEquals(new RestoreRequest.Hierarchy(2, 0), request.hierarchy());
        assertEquals(true, request.dryRun());
    }

    @Test
    void withoutTargetMappingOrOwnerThePoliciesOwnOrgIsTheTarget() {
        RestoreWizardForm form = RestoreWizardForm.start(UUID.randomUUID().toString(), "Account", "", null);
        form.asOf = "2026-01-02T03:04:05Z";
        assertEquals(Map.of(), form.typeErrors());
        RestoreRequest request = form.toRequest(false);
        assertNull(request.target());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), request.asOf());
        assertEquals(List.of(new RestoreRequest.ObjectScope("Account", null, null, null)), request.objects(), "all of Account's records");
        assertEquals("UPDATE_AND_RECREATE", request.mode());
    }

    @Test
    void valuesOfTheWrongShapeAreNamedByTheFieldsSessionServiceUses() {
        RestoreWizardForm form = form();
        form.asOf = "yesterday";
        form.where.set(1, "LastName");
        form.mapping.set(1, "=Team__c");
        form.ids.set(1, "003Dn0000000001IAA");
        form.parents = "all";
        form.mode = "DROP";
        form.targetConnectionId = "prod";
        Map<String, String> errors = form.typeErrors();
        assertEquals("choose a restore point, or give a time instead (not both)", errors.get("restorePointId"));
        assertTrue(errors.get("objects[1].where").startsWith("Field=value pairs"), errors.toString());
        assertTrue(errors.get("target.fieldMapping.Contact").startsWith("BackupField=TargetField"), errors.toString());
        assertEquals("give record ids or a filter, not both", errors.get("objects[1].ids"));
        assertEquals("a number of levels from 0 to 99", errors.get("hierarchy.parents"));
        assertTrue(errors.get("mode").contains("UPDATE_AND_RECREATE"));
        assertEquals("choose an org connection from the list", errors.get("target.connectionId"));

        form.restorePointId = "";
        assertEquals("an ISO-8601 time such as 2026-01-01T00:00:00Z", form.typeErrors().get("asOf"));
    }

    @Test
    void noObjectAndNoPointAreRefused() {
        RestoreWizardForm form = RestoreWizardForm.start(UUID.randomUUID().toString(), null, null, null);
        Map<String, String> errors = form.typeErrors();
        assertEquals("name at least one object to restore", errors.get("objects"));
        assertTrue(errors.containsKey("restorePointId"));
        assertEquals(RestoreWizardForm.BLANK_ROWS, form.rows().size(), "blank rows to add objects");
    }

    @Test
    void aDryRunsPlanRunsExactlyTheSameRequestAndReopensTheSameForm() {
        RestoreRequest dryRun = form().toRequest(true);
        String plan = RestorePlan.encode(dryRun, JSON);
        assertTrue(plan.matches("[A-Za-z0-9_-]+"), "fits in an address as it is");
        RestoreRequest decoded = RestorePlan.decode(plan, JSON).orElseThrow();
        assertNull(decoded.dryRun(), "a plan is neither a dry run nor a run");
        assertEquals(RestorePlan.withDryRun(dryRun, false), RestorePlan.withDryRun(decoded, false));

        RestoreWizardForm reopened = RestoreWizardForm.of(decoded);
        assertEquals(Map.of(), reopened.typeErrors());
        assertEquals(dryRun, reopened.toRequest(true));
        assertTrue(RestorePlan.decode("bm90IGEgcGxhbg", JSON).isEmpty());
        assertTrue(RestorePlan.decode("%%%", JSON).isEmpty());
    }

    @Test
    void sessionServicesErrorsLandBesideTheirRow() {
        Map<String, String> placed = RestoreWizardForm.placeErrors(Map.of(
                "objects[0].ids", "record ids are 15 or 18 letters and digits, got 'x'",
                "target.fieldMapping", "Lead is not one of the objects restored [Account]"));
        assertEquals("record ids are 15 or 18 letters and digits, got 'x'", placed.get("objects[0].ids"));
        assertEquals("Lead is not one of the objects restored [Account]", placed.get("target.fieldMapping.Lead"));
    }
}
