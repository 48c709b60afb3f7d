package dev.sfbackup.session.client;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import dev.sfbackup.security.ServiceTokenFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** policy-service, called with session-service's own service token. */
@RegisterRestClient(configKey = "policy-service")
@RegisterProvider(ServiceTokenFilter.class)
interface PolicyRestClient {

    @GET
    @Path("/api/v1/policies/{id}")
    PolicyView policy(@PathParam("id") UUID id);

    @GET
    @Path("/internal/v1/connections/{id}/credentials")
    ConnectionCredentials credentials(@PathParam("id") UUID connectionId);

    @POST
    @Path("/internal/v1/alerts")
    void alert(AlertEvent event);

    @PATCH
    @Path("/api/v1/policies/{id}/scope")
    ScopeExtensionResult extendScope(@PathParam("id") UUID policyId, ScopeExtension extension);
}
