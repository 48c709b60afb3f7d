package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.api.storage.RetentionResult;
import dev.sfbackup.api.storage.RetentionRun;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.restorepoint.service.RestorePointScope;
import dev.sfbackup.storage.restorepoint.service.RetentionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
    private final RestorePointScope scope;

    public RetentionResource(RetentionService retention, RestorePointScope scope) {
        this.retention = retention;
        this.scope = scope;
    }

    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Audited("retention.run")
    public RetentionResult run(RetentionRun request) throws SQLException {
        scope.requirePolicy(request == null ? null : request.policyId());
        return retention.run(request);
    }
}
