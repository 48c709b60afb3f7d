package dev.sfbackup.storage.export.rest;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.export.service.ObjectSnapshot;
import dev.sfbackup.storage.export.service.RecordExport;
import dev.sfbackup.storage.restorepoint.rest.RecordStreams;
import dev.sfbackup.storage.restorepoint.rest.RequestParameters;
import dev.sfbackup.storage.restorepoint.service.PointResolver;
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

/** One object at a restore point as a download: CSV (Data Loader) by default, or NDJSON. */
@Path("/api/v1/restore-points")
@Blocking
public class RestorePointExportResource {

    private final RecordExport export;
    private final PointResolver resolver;
    private final RestorePointScope scope;

    public RestorePointExportResource(RecordExport export, PointResolver resolver, RestorePointScope scope) {
        this.export = export;
        this.resolver = resolver;
        this.scope = scope;
    }

    /** object: only for a point of another object (or a run's file point), read as of its commit time. */
    @GET
    @Path("{id}/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @RolesAllowed(Roles.OPERATOR)
    @Audited(value = "records.export", query = {"format", "object"})
    public Response export(@PathParam("id") String id, @QueryParam("format") String format,
            @QueryParam("object") String object) throws SQLException {
        UUID pointId = RequestParameters.requiredUuid("id", id);
        RecordExport.Format chosen = RecordExport.Format.valueOf(Downloads.oneOf("format", format, "CSV", "NDJSON"));
        scope.requirePoint(pointId);
        PointResolver.Resolved resolved = resolver.resolve(id, "id", null, object == null || object.isBlank() ? null : object);
        scope.requirePolicy(resolved.policyId());
        ObjectSnapshot snapshot = export.snapshot(resolved);
        StreamingOutput body = out -> RecordStreams.unchecked(() -> export.write(snapshot, chosen, out));
        boolean csv = chosen == RecordExport.Format.CSV;
        String fileName = resolved.object() + "-" + pointId + (csv ? ".csv" : ".ndjson");
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
                .build();
    }
}
