package dev.sfbackup.session.client;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "policy-service")
interface PolicyRestClient {

    @GET
    @Path("/api/v1/policies/{id}")
    PolicyView policy(@PathParam("id") UUID id);

    @GET
    @Path("/internal/v1/connections/{id}/credentials")
    ConnectionCredentials credentials(@PathParam("id") UUID connectionId, @HeaderParam("X-Service-Token") String token);

    @PATCH
    @Path("/api/v1/policies/{id}/scope")
    ScopeExtensionResult extendScope(@PathParam("id") UUID policyId, ScopeExtension extension);
}
