package dev.sfbackup.policy.rest;

import dev.sfbackup.api.alert.AlertSubscription;
import dev.sfbackup.policy.service.AlertSubscriptionService;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** Which notification channels hear about a policy, and for which outcomes. */
@Path("/api/v1/policies/{id}/alerts")
public class PolicyAlertResource {

    private final AlertSubscriptionService subscriptions;

    public PolicyAlertResource(AlertSubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public AlertSubscription get(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Audited("policy.alerts.update")
    public AlertSubscription replace(@PathParam("id") UUID id, AlertSubscription request) {
        return subscriptions.replace(id, request);
    }
}
