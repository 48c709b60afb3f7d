package dev.sfbackup.storage.file.rest;

import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.Roles;
import dev.sfbackup.storage.file.persistence.PolicyFiles;
import dev.sfbackup.storage.restorepoint.rest.RequestParameters;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The file bodies a policy holds as of a time (what a restore of files reads), each with the point that stored it. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PolicyFilesResource {

    private final PolicyFiles files;
    private final RestorePointScope scope;

    public PolicyFilesResource(PolicyFiles files, RestorePointScope scope) {
        this.files = files;
        this.scope = scope;
    }

    /** GET /api/v1/policies/{policyId}/files?asOf=2026-01-01T00:00:00Z, by source id. */
    @GET
    @Path("{policyId}/files")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public List<PolicyFileView> files(@PathParam("policyId") String policyId, @QueryParam("asOf") String asOf) throws SQLException {
        UUID policy = RequestParameters.requiredUuid("policyId", policyId);
        Instant at = RequestParameters.instant("asOf", asOf);
        if (at == null) {
            throw ApiProblem.badRequest("asOf", "required: an instant such as 2026-01-01T00:00:00Z");
        }
        scope.requirePolicy(policy);
        return files.asOf(policy, at);
    }
}
