package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.ContentHashes;
import dev.sfbackup.api.storage.RecordIds;
import dev.sfbackup.security.Roles;
import dev.sfbackup.storage.restorepoint.service.RestorePointService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** What the latest committed versions of an object's records hold, for the engine that backs the object up. */
@Path("/api/v1/latest-versions")
@Blocking
public class LatestVersionResource {

    private final RestorePointService restorePoints;

    public LatestVersionResource(RestorePointService restorePoints) {
        this.restorePoints = restorePoints;
    }

    /** POSTed, not GET: up to thousands of ids do not fit into a URL. */
    @POST
    @Path("{policyId}/{object}/content-hashes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public ContentHashes contentHashes(@PathParam("policyId") String policyId, @PathParam("object") String object,
            @QueryParam("orgId") String orgId, RecordIds ids) throws SQLException {
        return restorePoints.latestContentHashes(RequestParameters.requiredUuid("policyId", policyId), orgId, object, ids);
    }
}
