package dev.sfbackup.storage.export.rest;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.export.service.PolicyExport;
import dev.sfbackup.storage.restorepoint.rest.RecordStreams;
import dev.sfbackup.storage.restorepoint.rest.RequestParameters;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.UUID;

/** Everything a policy stored, as of a time, as one ZIP download. */
@Path("/api/v1/policies")
@Blocking
public class PolicyExportResource {

    private final PolicyExport export;
    private final RestorePointScope scope;

    public PolicyExportResource(PolicyExport export, RestorePointScope scope) {
        this.export = export;
        this.scope = scope;
    }

    /**
     * GET /api/v1/policies/{policyId}/export?asOf=2026-01-01T00:00:00Z&amp;objects=Account,Contact&amp;files=true&amp;metadata=true:
     * per object {@code <Object>.csv} and {@code <Object>.describe.json}, then {@code files/<ContentVersion id>/<title>}
     * and {@code metadata/<package>} when asked for.
     */
    @GET
    @Path("{policyId}/export")
    @Produces("application/zip")
    @RolesAllowed(Roles.OPERATOR)
    @Audited(value = "policy.export", query = {"asOf", "objects", "format", "files", "metadata"})
    public Response export(@PathParam("policyId") String policyId, @QueryParam("asOf") String asOf,
            @QueryParam("objects") String objects, @QueryParam("format") String format,
            @QueryParam("files") String files, @QueryParam("metadata") String metadata) throws SQLException {
        UUID policy = RequestParameters.requiredUuid("policyId", policyId);
        Downloads.oneOf("format", format, "zip");
        boolean withFiles = Downloads.flag("files", files);
        boolean withMetadata = Downloads.flag("metadata", metadata);
        scope.requirePolicy(policy);
        PolicyExport.Plan plan = export.plan(policy, asOf, objects, true, withFiles, withMetadata);
        StreamingOutput body = out -> RecordStreams.unchecked(() -> export.write(plan, out));
        return Response.ok(body, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.attachment("policy-" + policy + "-" + Downloads.stamp(plan.asOf()) + ".zip"))
                .build();
    }
}
