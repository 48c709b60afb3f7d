package dev.sfbackup.session.rest;

import dev.sfbackup.api.session.OrgObjectView;
import dev.sfbackup.security.Roles;
import dev.sfbackup.session.org.OrgObjects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The objects of a connection's org, for the policy form (admins edit policies); session-service is who talks to orgs. */
@Path("/api/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
public class OrgObjectsResource {

    private final OrgObjects objects;

    public OrgObjectsResource(OrgObjects objects) {
        this.objects = objects;
    }

    @GET
    @Path("{id}/objects")
    @RolesAllowed(Roles.ADMIN)
    public List<OrgObjectView> objects(@PathParam("id") UUID connectionId) {
        return objects.list(connectionId);
    }
}
