package dev.sfbackup.policy.rest;

import dev.sfbackup.api.policy.ConnectionRequest;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.policy.service.ConnectionService;
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

    @POST
    public Response create(ConnectionRequest request, @Context UriInfo uri) {
        ConnectionView created = connections.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    public List<ConnectionView> list() {
        return connections.list();
    }

    @GET
    @Path("{id}")
    public ConnectionView get(@PathParam("id") UUID id) {
        return connections.get(id);
    }

    /** Replaces the connection; a secret left out keeps the stored one (as long as the flow stays the same). */
    @PUT
    @Path("{id}")
    public ConnectionView update(@PathParam("id") UUID id, ConnectionRequest request) {
        return connections.update(id, request);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        connections.delete(id);
        return Response.noContent().build();
    }
}
