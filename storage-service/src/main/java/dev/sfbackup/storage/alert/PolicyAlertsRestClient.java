package dev.sfbackup.storage.alert;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.security.ServiceTokenFilter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** policy-service's alert intake, signed with this service's token. */
@RegisterRestClient(configKey = "policy-service")
@RegisterProvider(ServiceTokenFilter.class)
interface PolicyAlertsRestClient {

    @POST
    @Path("/internal/v1/alerts")
    void alert(AlertEvent event);
}
