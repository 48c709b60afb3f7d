package dev.sfbackup.policy.support;

import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Plays session-service's run API inside the test application (the %test rest-client URL points here): it records
 * every call, answers 201 with a RunView, 409 while a policy is marked active, or a forced status. Like session-service,
 * it admits only service tokens, so every test run proves that policy-service signs its calls.
 */
@Path("/api/v1/runs")
@RolesAllowed(Roles.SERVICE)
public class SessionServiceStub {

    public static final List<StartRun> STARTS = new CopyOnWriteArrayList<>();
    public static final List<UUID> ACTIVE_QUERIES = new CopyOnWriteArrayList<>();
    public static final Set<UUID> ACTIVE_POLICIES = ConcurrentHashMap.newKeySet();
    /** policy id -> HTTP status POST answers for it instead of the normal behaviour */
    public static final Map<UUID, Integer> FORCED_STATUS = new ConcurrentHashMap<>();

    public static List<StartRun> startsOf(UUID policyId) {
        return STARTS.stream().filter(s -> policyId.equals(s.policyId())).toList();
    }

    public static long activeQueriesOf(UUID policyId) {
        return ACTIVE_QUERIES.stream().filter(policyId::equals).count();
    }

    @POST
    @Operation(hidden = true)
    public Response start(StartRun request) {
        STARTS.add(request);
        Integer forced = FORCED_STATUS.get(request.policyId());
        if (forced != null) {
            return Response.status(forced).type("application/problem+json")
                    .entity("{\"title\":\"forced\",\"status\":" + forced + ",\"detail\":\"forced by the test\"}").build();
        }
        if (ACTIVE_POLICIES.contains(request.policyId())) {
            return Response.status(409).type("application/problem+json")
                    .entity("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"run already active for policy " + request.policyId() + "\"}")
                    .build();
        }
        return Response.status(201).entity(runOf(request.policyId(), request.trigger())).build();
    }

    @GET
    @Operation(hidden = true)
    public List<RunView> find(@QueryParam("policyId") UUID policyId, @QueryParam("active") boolean active) {
        ACTIVE_QUERIES.add(policyId);
        return ACTIVE_POLICIES.contains(policyId) ? List.of(runOf(policyId, StartRun.Trigger.SCHEDULED)) : List.of();
    }

    private static RunView runOf(UUID policyId, StartRun.Trigger trigger) {
        return new RunView(UUID.randomUUID(), policyId, BackupKind.INITIAL, trigger, SessionStatus.RUNNING, Instant.now(), null, null,
                List.of(new RunView.SessionSummary(UUID.randomUUID(), dev.sfbackup.api.session.SessionType.DATA, SessionStatus.PENDING)), List.of());
    }
}
