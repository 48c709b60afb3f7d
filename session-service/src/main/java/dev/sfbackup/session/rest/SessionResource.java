package dev.sfbackup.session.rest;

import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionPage;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.common.rest.QueryParameters;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.session.service.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/sessions")
public class SessionResource {

    /** Page numbers stay small enough that page × size never overflows an offset. */
    static final long MAX_PAGE = 1_000_000;

    private final SessionService sessions;

    public SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    /** Sessions newest first; page is zero-based. */
    @GET
    @RolesAllowed(Roles.VIEWER)
    public SessionPage search(@QueryParam("policyId") String policyId, @QueryParam("status") String status,
            @QueryParam("from") String from, @QueryParam("page") String page, @QueryParam("size") String size) {
        return sessions.search(QueryParameters.uuid("policyId", policyId), QueryParameters.oneOf("status", status, SessionStatus.class),
                QueryParameters.instant("from", from), (int) QueryParameters.number("page", page, 0, 0, MAX_PAGE),
                (int) QueryParameters.number("size", size, 20, 1, 200));
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
    public List<SessionLogEntry> log(@PathParam("id") UUID id, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        return sessions.log(id, QueryParameters.number("after", after, 0, 0, Long.MAX_VALUE),
                (int) QueryParameters.number("limit", limit, 1000, 1, 10000));
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
