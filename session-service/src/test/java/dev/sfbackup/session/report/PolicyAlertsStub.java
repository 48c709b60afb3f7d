package dev.sfbackup.session.report;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** policy-service's alert endpoint as RunEndReportTest needs it: it keeps what session-service reported. */
@Path("/internal/v1/alerts")
@RolesAllowed(Roles.SERVICE)
public class PolicyAlertsStub {

    static final List<AlertEvent> RECEIVED = new CopyOnWriteArrayList<>();

    static List<AlertEvent> of(UUID policyId) {
        return RECEIVED.stream().filter(event -> policyId.equals(event.policyId())).toList();
    }

    @POST
    @Operation(hidden = true)
    public Response alert(AlertEvent event) {
        RECEIVED.add(event);
        return Response.accepted().build();
    }
}
