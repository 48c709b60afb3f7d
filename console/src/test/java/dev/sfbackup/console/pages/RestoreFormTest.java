package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreFormTest {

    private static RestoreForm form() {
        RestoreForm form = new RestoreForm();
        form.policyId = UUID.randomUUID().toString();
        form.restorePointId = UUID.randomUUID().toString();
        form.object = "Account";
        form.recordId = "001Dn0000000004IAA";
        form.mode = "RECREATE";
        form.parents = "2";
        form.children = "";
        form.dryRun = true;
        return form;
    }

    @Test
    void oneRecordAtAPointInTheShapeOfPostRestores() {
        RestoreForm form = form();
        Map<String, Object> body = form.toRequest();
        assertEquals(UUID.fromString(form.policyId), body.get("policyId"));
        assertEquals(UUID.fromString(form.restorePointId), body.get("restorePointId"));
        assertEquals(List.of(Map.of("object", "Account", "ids", List.of("001Dn0000000004IAA"))), body.get("objects"));
        assertEquals("RECREATE", body.get("mode"));
        assertEquals(Map.of("parents", 2, "children", 0), body.get("hierarchy"));
        assertEquals(true, body.get("dryRun"));
    }

    @Test
    void anUnknownModeFallsBackToTheDefaultAndALevelMustBeANumber() {
        RestoreForm form = form();
        form.mode = "DROP_TABLE";
        assertEquals("UPDATE_AND_RECREATE", form.toRequest().get("mode"));
        form.mode = null;
        assertEquals("UPDATE_AND_RECREATE", form.toRequest().get("mode"));
        form.children = "many";
        assertEquals("children: must be a number of levels from 0 to 99",
                assertThrows(IllegalArgumentException.class, form::toRequest).getMessage());
    }
}
