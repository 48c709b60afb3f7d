package dev.sfbackup.session.rest;

import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.restore.RestoreView;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.session.restore.RestoreQueries;
import dev.sfbackup.session.restore.RestoreReportWriter;
import dev.sfbackup.session.restore.RestoreStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Restores: records of a policy's backup put back into an org (issue 15). Starting and stopping one is for restore operators. */
@Path("/api/v1/restores")
public class RestoreResource {

    private static final String NDJSON = "application/x-ndjson";
    private static final String CSV = "text/csv";

    private final RestoreStarter starter;
    private final RestoreQueries restores;
    private final RestoreReportWriter reports;

    public RestoreResource(RestoreStarter starter, RestoreQueries restores, RestoreReportWriter reports) {
        this.starter = starter;
        this.restores = restores;
        this.reports = reports;
    }

    /** 202 with the restore (its id, status, sessions); the engine restores in the background. */
    @POST
    @RolesAllowed(Roles.RESTORE_OPERATOR)
    @Audited("restore.start")
    public Response start(RestoreRequest request) {
        UUID id = starter.start(request);
        return Response.accepted(restores.get(id)).location(URI.create("/api/v1/restores/" + id)).build();
    }

    /** Newest first (at most 100), of one policy when policyId is given. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<RestoreView> list(@QueryParam("policyId") UUID policyId) {
        return restores.list(policyId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public RestoreView get(@PathParam("id") UUID id) {
        return restores.get(id);
    }

    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.RESTORE_OPERATOR)
    @Audited("restore.stop")
    public RestoreView stop(@PathParam("id") UUID id) {
        return restores.stop(id);
    }

    /** One line per record: NDJSON by default, CSV when the caller accepts text/csv (and not NDJSON). */
    @GET
    @Path("/{id}/report")
    @Produces({NDJSON, CSV})
    @RolesAllowed(Roles.VIEWER)
    public Response report(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        restores.visibleRestore(id);
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        boolean csv = accepted.stream().anyMatch(type -> "text".equals(type.getType()) && "csv".equals(type.getSubtype()))
                && accepted.stream().noneMatch(type -> type.toString().startsWith(NDJSON));
        StreamingOutput body = out -> reports.write(id, csv, out);
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : NDJSON).build();
    }
}
