package dev.sfbackup.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.security.ServiceTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** session-service's run API; used only through {@link SessionRuns}. */
@RegisterRestClient(configKey = "session-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SessionRunsClient {

    @POST
    RunView start(StartRun request);

    /** A JSON array of runs, or a page object with an "items" array: either is read. */
    @GET
    JsonNode find(@QueryParam("policyId") UUID policyId, @QueryParam("active") boolean active);
}
