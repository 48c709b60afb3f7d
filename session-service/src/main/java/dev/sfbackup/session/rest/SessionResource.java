package dev.sfbackup.session.rest;

import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionPage;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.session.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/sessions")
public class SessionResource {

    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    /** Sessions newest first; page is zero-based. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public SessionPage search(@QueryParam("policyId") UUID policyId, @QueryParam("status") SessionStatus status,
            @QueryParam("from") Instant from,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int page,
            @QueryParam("size") @DefaultValue("20") @Min(value = 1, message = "must be between 1 and 200")
            @Max(value = 200, message = "must be between 1 and 200") int size) {
        return sessions.search(policyId, status, from, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public SessionView get(@PathParam("id") UUID id) {
        return sessions.get(id);
    }

    /** The session's events in order; after= the id of the last event already read. */
    @GET
    @Path("/{id}/log")
    @RolesAllowed(Roles.VIEWER)
    public List<SessionLogEntry> log(@PathParam("id") UUID id, @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("1000") @Min(value = 1, message = "must be between 1 and 10000")
            @Max(value = 10000, message = "must be between 1 and 10000") int limit) {
        return sessions.log(id, after, limit);
    }

    /** Graceful stop: in-flight batches finish, restore points of finished tasks are kept. */
    @POST
    @Path("/{id}/stop")
    @RolesAllowed(Roles.OPERATOR)
    @Audited("session.stop")
    public SessionView stop(@PathParam("id") UUID id) {
        return sessions.stop(id);
    }
}
