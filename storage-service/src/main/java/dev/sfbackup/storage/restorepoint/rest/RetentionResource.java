package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.RetentionResult;
import dev.sfbackup.api.storage.RetentionRun;
import dev.sfbackup.storage.restorepoint.service.RetentionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

@Path("/api/v1/retention")
@Blocking
public class RetentionResource {

    private final RetentionService retention;

    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionResult run(RetentionRun request) throws SQLException {
        return retention.run(request);
    }
}
