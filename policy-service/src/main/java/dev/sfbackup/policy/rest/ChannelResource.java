package dev.sfbackup.policy.rest;

import dev.sfbackup.api.alert.ChannelRequest;
import dev.sfbackup.api.alert.ChannelView;
import dev.sfbackup.policy.service.ChannelService;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/** Notification channels: they serve policies of every org, so only an admin of every org manages or reads them. */
@Path("/api/v1/channels")
@RolesAllowed(Roles.ADMIN)
@EveryOrg
public class ChannelResource {

    private final ChannelService channels;

    public ChannelResource(ChannelService channels) {
        this.channels = channels;
    }

    @POST
    @Audited("channel.create")
    public Response create(ChannelRequest request, @Context UriInfo uri) {
        ChannelView created = channels.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    public List<ChannelView> list() {
        return channels.list();
    }

    @GET
    @Path("{id}")
    public ChannelView get(@PathParam("id") UUID id) {
        return channels.get(id);
    }

    @PUT
    @Path("{id}")
    @Audited("channel.update")
    public ChannelView update(@PathParam("id") UUID id, ChannelRequest request) {
        return channels.update(id, request);
    }

    @DELETE
    @Path("{id}")
    @Audited("channel.delete")
    public Response delete(@PathParam("id") UUID id) {
        channels.delete(id);
        return Response.noContent().build();
    }
}
