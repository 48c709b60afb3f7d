package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.Watermark;
import dev.sfbackup.security.Roles;
import dev.sfbackup.storage.restorepoint.service.RestorePointService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

@Path("/api/v1/watermarks")
@Blocking
public class WatermarkResource {

    private final RestorePointService restorePoints;

    public WatermarkResource(RestorePointService restorePoints) {
        this.restorePoints = restorePoints;
    }

    @GET
    @Path("{policyId}/{object}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SESSION_SERVICE)
    public Watermark get(@PathParam("policyId") String policyId, @PathParam("object") String object) throws SQLException {
        return restorePoints.watermark(RequestParameters.requiredUuid("policyId", policyId), object);
    }
}
