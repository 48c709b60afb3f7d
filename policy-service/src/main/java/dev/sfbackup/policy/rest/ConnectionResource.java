package dev.sfbackup.policy.rest;

import dev.sfbackup.api.policy.ConnectionRequest;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.policy.service.ConnectionService;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;

/** Org connections. Secrets are accepted on POST/PUT and never returned. */
@Path("/api/v1/connections")
public class ConnectionResource {

    private final ConnectionService connections;

    public ConnectionResource(ConnectionService connections) {
        this.connections = connections;
    }

    /** An org-limited token cannot create a connection: it could not see the new one. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("connection.create")
    public Response create(ConnectionRequest request, @Context UriInfo uri) {
        ConnectionView created = connections.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ConnectionView> list() {
        return connections.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public ConnectionView get(@PathParam("id") UUID id) {
        return connections.get(id);
    }

    /** Replaces the connection; a secret left out keeps the stored one (as long as the flow stays the same). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited("connection.update")
    public ConnectionView update(@PathParam("id") UUID id, ConnectionRequest request) {
        return connections.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Audited("connection.delete")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(id);
        return Response.noContent().build();
    }
}
