package dev.sfbackup.policy.rest;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.policy.service.RunLauncher;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Starts a run of a policy now, through session-service (201 with its RunView, 409 passed through, 503 when down). */
@Path("/api/v1/policies/{id}/runs")
public class PolicyRunResource {

    private final RunLauncher launcher;

    public PolicyRunResource(RunLauncher launcher) {
        this.launcher = launcher;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Audited("run.start")
    public Response start(@PathParam("id") UUID id) {
        RunView run = launcher.startNow(id);
        return Response.status(Response.Status.CREATED).entity(run).build();
    }
}
