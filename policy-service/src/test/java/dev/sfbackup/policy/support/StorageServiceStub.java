package dev.sfbackup.policy.support;

import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Plays storage-service's register of repository users inside the test application (the %test rest-client URL points
 * here): every repository exists except those in {@link #UNKNOWN}; {@link #USERS} holds who registered. Like
 * storage-service it admits only service tokens.
 */
@Path("/api/v1/repositories/{id}/users/{policyId}")
@RolesAllowed(Roles.SERVICE)
public class StorageServiceStub {

    public static final Set<UUID> UNKNOWN = ConcurrentHashMap.newKeySet();
    /** policy id -> the repository it registered with */
    public static final Map<UUID, UUID> USERS = new ConcurrentHashMap<>();

    @PUT
    @Operation(hidden = true)
    public Response register(@PathParam("id") UUID repositoryId, @PathParam("policyId") UUID policyId) {
        if (UNKNOWN.contains(repositoryId)) {
            return Response.status(404).type("application/problem+json")
                    .entity("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"repository " + repositoryId + " not found\"}").build();
        }
        USERS.put(policyId, repositoryId);
        return Response.noContent().build();
    }

    @DELETE
    @Operation(hidden = true)
    public Response release(@PathParam("id") UUID repositoryId, @PathParam("policyId") UUID policyId) {
        USERS.remove(policyId, repositoryId);
        return Response.noContent().build();
    }
}
