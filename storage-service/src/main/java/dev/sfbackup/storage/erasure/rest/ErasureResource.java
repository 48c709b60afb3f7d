package dev.sfbackup.storage.erasure.rest;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.erasure.ErasureReport;
import dev.sfbackup.storage.erasure.ErasureRequest;
import dev.sfbackup.storage.erasure.service.ErasureService;
import dev.sfbackup.storage.restorepoint.rest.RequestParameters;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.UUID;

/** Erasures from backups (right to be forgotten): admin only, irreversible, each one audited and reported. */
@Path("/api/v1/erasures")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    private final ErasureService erasures;
    private final RestorePointScope scope;
    private final SecurityIdentity identity;

    public ErasureResource(ErasureService erasures, RestorePointScope scope, SecurityIdentity identity) {
        this.erasures = erasures;
        this.scope = scope;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Audited("erasure.create")
    public Response erase(ErasureRequest request) throws SQLException, IOException {
        scope.requirePolicy(ErasureService.policyOf(request));
        ErasureReport report = erasures.erase(request, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/erasures/" + report.id())).entity(report).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited("erasure.read")
    public ErasureReport report(@PathParam("id") String id) throws SQLException {
        UUID erasureId = RequestParameters.requiredUuid("id", id);
        scope.requirePolicy(erasures.policyOfErasure(erasureId));
        return erasures.report(erasureId);
    }
}
