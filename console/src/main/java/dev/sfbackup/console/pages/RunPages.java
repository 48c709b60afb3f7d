package dev.sfbackup.console.pages;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.Suite;
import dev.sfbackup.console.signin.Csrf;
import dev.sfbackup.console.signin.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Runs and sessions: the history with filters, a run with its sessions and tasks (counters refresh every 2 s while
 * it runs), a session with its tasks and log, and stop.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RunPages {

    private static final int PAGE_SIZE = 25;

    private final Suite suite;
    private final ServiceApi api;
    private final CurrentUser me;
    private final Clock clock;

    public RunPages(Suite suite, ServiceApi api, CurrentUser me, Clock clock) {
        this.suite = suite;
        this.api = api;
        this.me = me;
        this.clock = clock;
    }

    /** A run with its sessions in full (tasks and counters). */
    public record RunDetail(RunView run, String policyName, List<SessionView> sessions, String duration, boolean active) {
    }

    /** A session with its log. */
    public record SessionDetail(SessionView session, String duration, boolean active, List<SessionLogEntry> log) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(List<RunView> runs, List<PolicyView> policies, String policyId, String status,
                List<SessionStatus> statuses, int page, boolean hasNext);

        static native TemplateInstance run(RunDetail detail);

        static native TemplateInstance run$live(RunDetail detail);

        static native TemplateInstance session(SessionDetail detail);

        static native TemplateInstance session$live(SessionDetail detail);
    }

    @GET
    @Path("runs")
    public TemplateInstance runs(@QueryParam("policyId") UUID policyId, @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        List<RunView> all = suite.runs(policyId).stream()
                .filter(r -> status == null || status.isBlank() || r.status().name().equals(status)).toList();
        int from = Math.min(Math.max(page, 0) * PAGE_SIZE, all.size());
        int to = Math.min(from + PAGE_SIZE, all.size());
        return Templates.runs(all.subList(from, to), suite.policies(), policyId == null ? "" : policyId.toString(),
                status == null ? "" : status, List.of(SessionStatus.values()), Math.max(page, 0), to < all.size());
    }

    @GET
    @Path("runs/{id}")
    public TemplateInstance run(@PathParam("id") UUID id) {
        return Templates.run(runDetail(id));
    }

    /** The live part of the run page, fetched again every 2 s while the run is active. */
    @GET
    @Path("runs/{id}/live")
    public TemplateInstance runLive(@PathParam("id") UUID id) {
        return Templates.run$live(runDetail(id));
    }

    @GET
    @Path("sessions/{id}")
    public TemplateInstance session(@PathParam("id") UUID id) {
        return Templates.session(sessionDetail(id));
    }

    @GET
    @Path("sessions/{id}/live")
    public TemplateInstance sessionLive(@PathParam("id") UUID id) {
        return Templates.session$live(sessionDetail(id));
    }

    /** Graceful stop (operators): in-flight batches finish, finished tasks keep their restore points. */
    @POST
    @Path("sessions/{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(me.get(), csrf);
        api.change(Service.SESSION, "POST", "/api/v1/sessions/" + id + "/stop", null, null);
        return Response.seeOther(URI.create("/sessions/" + id)).build();
    }

    private RunDetail runDetail(UUID id) {
        RunView run = suite.run(id);
        String policyName = suite.policy(run.policyId()).body().name();
        List<SessionView> sessions = run.sessions().stream().map(s -> suite.session(s.id())).toList();
        return new RunDetail(run, policyName, sessions, Formats.duration(run.startedAt(), run.endedAt(), clock.instant()),
                isActive(run.status()));
    }

    private SessionDetail sessionDetail(UUID id) {
        SessionView session = suite.session(id);
        List<SessionLogEntry> log = suite.sessionLog(id);
        return new SessionDetail(session, Formats.duration(session.startedAt(), session.endedAt(), clock.instant()),
                isActive(session.status()), log);
    }

    private static boolean isActive(SessionStatus status) {
        return status == SessionStatus.PENDING || status == SessionStatus.RUNNING;
    }
}
