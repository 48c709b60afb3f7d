package dev.sfbackup.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrgAccessTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    @Test
    void aTokenWithoutTheClaimTouchesEveryOrgButAnEmptyListNone() {
        assertTrue(OrgAccess.of(null).everyOrg());
        assertTrue(OrgAccess.of(null).allows(null), "rows from before orgs were recorded stay visible to every-org callers");
        OrgAccess none = OrgAccess.of(Json.createArrayBuilder().build());
        assertFalse(none.everyOrg());
        assertFalse(none.allows(A));
    }

    @Test
    void theClaimIsAnArrayOrOneStringAndNamesOrTyposGrantNothing() {
        OrgAccess fromArray = OrgAccess.of(Json.createArrayBuilder().add(A.toString()).add("production").build());
        assertEquals(Set.of(A), fromArray.connections().orElseThrow());
        OrgAccess fromString = OrgAccess.of(Json.createValue(A + " " + B + ",not-an-id"));
        assertEquals(Set.of(A, B), fromString.connections().orElseThrow());
        assertFalse(fromString.allows(UUID.randomUUID()));
        assertFalse(fromString.allows(null), "a row without an org is hidden from org-limited callers");
    }
}
