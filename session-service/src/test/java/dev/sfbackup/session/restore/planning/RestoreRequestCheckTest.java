package dev.sfbackup.session.restore.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfbackup.api.restore.RestoreMode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.common.problem.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestoreRequestCheckTest {

    private static final UUID POLICY = UUID.randomUUID();
    private static final List<RestoreRequest.ObjectScope> ACCOUNTS = List.of(new RestoreRequest.ObjectScope("Account", null, null, null));

    @Test
    void aMinimalRequestPassesWithItsDefaults() {
        RestoreRequest request = new RestoreRequest(POLICY, null, Instant.parse("2026-01-01T00:00:00Z"), null, ACCOUNTS, null, null, null);
        RestoreRequestCheck.validate(request);
        assertEquals(RestoreMode.UPDATE_AND_RECREATE, RestoreRequestCheck.mode(request));
        assertEquals(1, RestoreRequestCheck.parents(request));
        assertEquals(0, RestoreRequestCheck.children(request));
    }

    @Test
    void eachMistakeIsNamedByItsField() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertField("policyId", new RestoreRequest(null, null, at, null, ACCOUNTS, null, null, null));
        assertField("restorePointId", new RestoreRequest(POLICY, null, null, null, ACCOUNTS, null, null, null));
        assertField("restorePointId", new RestoreRequest(POLICY, UUID.randomUUID(), at, null, ACCOUNTS, null, null, null));
        assertField("objects", new RestoreRequest(POLICY, null, at, null, List.of(), null, null, null));
        assertField("objects[0].object", new RestoreRequest(POLICY, null, at, null,
                List.of(new RestoreRequest.ObjectScope("Account; DROP", null, null, null)), null, null, null));
        assertField("objects[0].ids", new RestoreRequest(POLICY, null, at, null,
                List.of(new RestoreRequest.ObjectScope("Account", List.of("001'"), null, null)), null, null, null));
        assertField("mode", new RestoreRequest(POLICY, null, at, null, ACCOUNTS, "MERGE", null, null));
        assertField("hierarchy.children", new RestoreRequest(POLICY, null, at, null, ACCOUNTS, null,
                new RestoreRequest.Hierarchy(1, 9), null));
        assertField("target.fieldMapping", new RestoreRequest(POLICY, null, at,
                new RestoreRequest.Target(null, Map.of("Contact", Map.of("A", "B")), null), ACCOUNTS, null, null, null));
    }

    private static void assertField(String field, RestoreRequest request) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> RestoreRequestCheck.validate(request));
        assertEquals(400, problem.status(), problem.getMessage());
        assertEquals(field, problem.toProblem().errors().get(0).field(), problem.getMessage());
    }
}
