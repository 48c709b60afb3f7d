package dev.sfbackup.session.rest;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.session.service.RunService;
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

    /** Starts a run of a policy; 409 when the policy already has an active run. */
    @POST
    public Response start(StartRun request) {
        RunView run = runs.start(request);
        return Response.created(URI.create("/api/v1/runs/" + run.id())).entity(run).build();
    }

    @GET
    @Path("/{id}")
    public RunView get(@PathParam("id") UUID id) {
        return runs.get(id);
    }

    /** Newest first; active=true lists the runs still PENDING or RUNNING. */
    @GET
    public List<RunView> list(@QueryParam("policyId") UUID policyId, @QueryParam("active") Boolean active) {
        return runs.list(policyId, active);
    }
}
