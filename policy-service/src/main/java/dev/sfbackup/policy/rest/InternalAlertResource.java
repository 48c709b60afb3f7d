package dev.sfbackup.policy.rest;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.policy.service.Alerts;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The suite's services report here what happened to a policy (session-service: how runs ended; storage-service: a
 * backup cache that waits too long, a verify that found damage); the policy's subscribed channels are then alerted in
 * the background.
 */
@Path("/internal/v1/alerts")
public class InternalAlertResource {

    private final Alerts alerts;

    public InternalAlertResource(Alerts alerts) {
        this.alerts = alerts;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Audited("alert.raise")
    public Response raise(AlertEvent event) {
        alerts.raise(event);
        return Response.accepted().build();
    }
}
