package dev.sfbackup.storage.alert;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** policy-service's alert intake as the alert tests need it: it keeps what storage-service reported, or answers 503. */
@Path("/internal/v1/alerts")
@RolesAllowed(Roles.SERVICE)
public class PolicyAlertsStub {

    static final List<AlertEvent> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger UNAVAILABLE_FOR_NEXT = new AtomicInteger();

    static List<AlertEvent> of(UUID policyId) {
        return RECEIVED.stream().filter(event -> policyId.equals(event.policyId())).toList();
    }

    @POST
    @Operation(hidden = true)
    public Response alert(AlertEvent event) {
        if (UNAVAILABLE_FOR_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Response.status(503).build();
        }
        RECEIVED.add(event);
        return Response.accepted().build();
    }
}
