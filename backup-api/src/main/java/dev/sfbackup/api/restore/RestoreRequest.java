package dev.sfbackup.api.restore;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Body of POST /api/v1/restores on session-service: which records of a policy's backup to put back, as of which point,
 * into which org. mode is UPDATE, RECREATE or UPDATE_AND_RECREATE (default); hierarchy defaults to parents 1, children 0.
 * files (optional) puts file bodies back too.
 */
@RegisterForReflection
public record RestoreRequest(UUID policyId, UUID restorePointId, Instant asOf, Target target, List<ObjectScope> objects,
        String mode, Hierarchy hierarchy, Boolean dryRun, Files files) {

    /** The constructor JSON binds (the one below leaves files out). */
    @JsonCreator
    public RestoreRequest {
    }

    /** A request without files. */
    public RestoreRequest(UUID policyId, UUID restorePointId, Instant asOf, Target target, List<ObjectScope> objects,
            String mode, Hierarchy hierarchy, Boolean dryRun) {
        this(policyId, restorePointId, asOf, target, objects, mode, hierarchy, dryRun, null);
    }

    /**
     * Which files to restore: those with the listed ContentVersion (068…) or ContentDocument (069…) ids, and/or with
     * {@code all} every file of the records the restore writes (first published on one of them).
     */
    @RegisterForReflection
    public record Files(List<String> ids, Boolean all) {

        public boolean allOfTheRecords() {
            return Boolean.TRUE.equals(all);
        }
    }

    /** connectionId defaults to the policy's; fieldMapping: object → (backup field → target field). */
    @RegisterForReflection
    public record Target(UUID connectionId, Map<String, Map<String, String>> fieldMapping, String defaultOwnerId) {
    }

    /** All records of the object at the point, or those with the listed ids, or those whose stored fields equal where. */
    @RegisterForReflection
    public record ObjectScope(String object, List<String> ids, Map<String, String> where, List<String> fields) {
    }

    @RegisterForReflection
    public record Hierarchy(Integer parents, Integer children) {
    }
}
