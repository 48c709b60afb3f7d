package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.RecordVersionView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.restorepoint.service.PointResolver;
import dev.sfbackup.storage.restorepoint.service.RecordQuery;
import dev.sfbackup.storage.restorepoint.service.RecordReadService;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/objects/{object}/records")
@Blocking
public class ObjectRecordsResource {

    private final RecordReadService reads;
    private final PointResolver resolver;
    private final RestorePointScope scope;

    public ObjectRecordsResource(RecordReadService reads, PointResolver resolver, RestorePointScope scope) {
        this.reads = reads;
        this.resolver = resolver;
        this.scope = scope;
    }

    /** The object of a policy as of a time: GET /api/v1/objects/Account/records?policyId=...&at=2026-01-01T00:00:00Z */
    @GET
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "records.read", query = {"policyId", "at", "fields", "format"})
    public Response asOf(@PathParam("object") String object, @QueryParam("policyId") String policyId,
            @QueryParam("at") String at, @QueryParam("fields") String fields, @QueryParam("q") String q,
            @QueryParam("format") String format, @Context HttpHeaders headers) throws SQLException {
        if (at == null || at.isBlank()) {
            throw ApiProblem.badRequest("at", "required: an instant such as 2026-01-01T00:00:00Z or a restore point id");
        }
        scope.requireReference(at);
        PointResolver.Resolved resolved = resolver.resolve(at, "at", RequestParameters.uuid("policyId", policyId), object);
        scope.requirePolicy(resolved.policyId());
        return RecordStreams.records(reads, resolved.at(), RecordQuery.parse(fields, q), RecordsMediaType.choose(headers, format));
    }

    @GET
    @Path("{recordId}/versions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    @Audited(value = "records.versions", query = "policyId")
    public List<RecordVersionView> versions(@PathParam("object") String object, @PathParam("recordId") String recordId,
            @QueryParam("policyId") String policyId) throws SQLException {
        UUID policy = RequestParameters.uuid("policyId", policyId);
        scope.requirePolicy(policy);
        List<RecordVersionView> visible = new ArrayList<>();
        for (RecordVersionView version : reads.versions(object, recordId, policy)) {
            if (scope.allowsPolicy(version.policyId())) {
                visible.add(version);
            }
        }
        if (visible.isEmpty()) {
            throw ApiProblem.notFound(object + " record", recordId);
        }
        return visible;
    }
}
