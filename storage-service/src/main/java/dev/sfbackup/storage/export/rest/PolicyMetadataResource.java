package dev.sfbackup.storage.export.rest;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.export.service.MetadataDiff;
import dev.sfbackup.storage.export.service.MetadataDiffView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.UUID;

/** A policy's stored metadata: every object's describe and the org's metadata packages as of a time, and diffs. */
@Path("/api/v1/policies")
@Blocking
public class PolicyMetadataResource {

    private final PolicyExport export;
    private final MetadataDiff diff;
    private final RestorePointScope scope;

    public PolicyMetadataResource(PolicyExport export, MetadataDiff diff, RestorePointScope scope) {
        this.export = export;
        this.diff = diff;
        this.scope = scope;
    }

    /** A ZIP of {@code <Object>.describe.json} per object and {@code metadata/<package>}. */
    @GET
    @Path("{policyId}/metadata")
    @Produces("application/zip")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "metadata.export", query = "asOf")
    public Response download(@PathParam("policyId") String policyId, @QueryParam("asOf") String asOf) throws SQLException {
        UUID policy = RequestParameters.requiredUuid("policyId", policyId);
        scope.requirePolicy(policy);
        PolicyExport.Plan plan = export.plan(policy, asOf, null, false, false, true);
        StreamingOutput body = out -> RecordStreams.unchecked(() -> export.write(plan, out));
        return Response.ok(body, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Downloads.attachment("metadata-" + policy + "-" + Downloads.stamp(plan.asOf()) + ".zip"))
                .build();
    }

    /** GET …/metadata/diff?from=2026-01-01T00:00:00Z&amp;to=&lt;point id or instant, now by default&gt; */
    @GET
    @Path("{policyId}/metadata/diff")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "metadata.diff", query = {"from", "to"})
    public MetadataDiffView diff(@PathParam("policyId") String policyId, @QueryParam("from") String from,
            @QueryParam("to") String to) throws SQLException {
        UUID policy = RequestParameters.requiredUuid("policyId", policyId);
        scope.requirePolicy(policy);
        return diff.diff(policy, from, to);
    }
}
