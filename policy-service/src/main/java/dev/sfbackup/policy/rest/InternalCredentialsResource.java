package dev.sfbackup.policy.rest;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.policy.service.ConnectionService;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** Decrypted credentials, for session-service's own service token only (no person and no other service gets them). */
@Path("/internal/v1/connections")
public class InternalCredentialsResource {

    private final ConnectionService connections;

    public InternalCredentialsResource(ConnectionService connections) {
        this.connections = connections;
    }

    @GET
    @Path("{id}/credentials")
    @RolesAllowed(Roles.SESSION_SERVICE)
    @Audited("connection.credentials.read")
    public ConnectionCredentials credentials(@PathParam("id") UUID id) {
        return connections.credentials(id);
    }
}
