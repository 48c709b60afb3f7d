package dev.sfbackup.policy.rest;

import dev.sfbackup.api.alert.AlertDeliveryView;
import dev.sfbackup.policy.service.Alerts;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

/** Alerts sent or still being tried, newest first: what an admin checks when a channel stays silent. */
@Path("/api/v1/alert-deliveries")
public class AlertDeliveryResource {

    private final Alerts alerts;

    public AlertDeliveryResource(Alerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    public List<AlertDeliveryView> list(@QueryParam("policyId") UUID policyId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return alerts.recent(policyId, limit);
    }
}
