package dev.sfbackup.session.rest;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.common.rest.QueryParameters;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.session.service.RunService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/runs")
public class RunResource {

    private final RunService runs;

    public RunResource(RunService runs) {
        this.runs = runs;
    }

    /** Starts a run of an enabled policy (policy-service's scheduler or an operator); 409 when it already has an active run. */
    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Audited("run.start")
    public Response start(StartRun request) {
        RunView run = runs.start(request);
        return Response.created(URI.create("/api/v1/runs/" + run.id())).entity(run).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public RunView get(@PathParam("id") UUID id) {
        return runs.get(id);
    }

    /** Newest first; active=true lists the runs still PENDING or RUNNING. */
    @GET
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public List<RunView> list(@QueryParam("policyId") String policyId, @QueryParam("active") String active) {
        return runs.list(QueryParameters.uuid("policyId", policyId), QueryParameters.bool("active", active));
    }
}
