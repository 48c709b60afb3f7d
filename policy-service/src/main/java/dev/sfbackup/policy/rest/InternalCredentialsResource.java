package dev.sfbackup.policy.rest;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.config.BackupConfig;
import dev.sfbackup.policy.service.ConnectionService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

/** Decrypted credentials for session-service; only callers presenting the shared service token get them. */
@Path("/internal/v1/connections")
public class InternalCredentialsResource {

    static final String TOKEN_HEADER = "X-Service-Token";

    private final ConnectionService connections;
    private final byte[] token;

    public InternalCredentialsResource(ConnectionService connections, BackupConfig config) {
        this.connections = connections;
        this.token = config.internalToken().getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Path("{id}/credentials")
    public ConnectionCredentials credentials(@PathParam("id") UUID id, @HeaderParam(TOKEN_HEADER) String presented) {
        // constant-time comparison: response timing must not reveal how much of the token was right
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(401, "Unauthorized", "header " + TOKEN_HEADER + " is missing or wrong; this endpoint serves other services only",
                    List.of());
        }
        return connections.credentials(id);
    }
}
