package dev.sfbackup.console.pages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.restore.RestoreCounters;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.restore.RestoreView;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import dev.sfbackup.console.signin.Csrf;
import dev.sfbackup.console.signin.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Restores on session-service's API (issue 15). The wizard (restore-operators): a policy, a point in time, objects and
 * their records (ids or a filter), fields, mode, hierarchy, target org and field mapping; it always starts with a dry
 * run, whose page shows what would be done and offers to run exactly that. A restore's page follows it live and its
 * per-record report downloads as CSV.
 */
@Path("/restores")
@Produces(MediaType.TEXT_HTML)
public class RestorePages {

    private static final Set<SessionStatus> ACTIVE = Set.of(SessionStatus.PENDING, SessionStatus.RUNNING);
    private static final int REPORT_PREVIEW = 50;
    private static final int POINTS_OFFERED = 200;

    private final Suite suite;
    private final ServiceApi api;
    private final CurrentUser me;
    private final ObjectMapper json;

    public RestorePages(Suite suite, ServiceApi api, CurrentUser me, ObjectMapper json) {
        this.suite = suite;
        this.api = api;
        this.me = me;
        this.json = json;
    }

    /** A counter of the restore with its label. */
    public record Counter(String id, String label, long value) {
    }

    /** A line of the per-record report. */
    public record ReportRow(String object, String backupId, String targetId, String action, String changedFields,
            String status, String message) {
    }

    /** A point the wizard offers: the newest of each backup session, and the one chosen in browse. */
    public record PointChoice(String id, String label) {
    }

    public record RestoreDetail(RestoreView restore, String policyName, String targetOrg, boolean active, List<Counter> counters,
            List<ReportRow> report, boolean reportTruncated, String plan) {

        public String id() {
            return restore.id().toString();
        }

        /** A dry run that ended well can be run for real from its page. */
        public boolean runnable() {
            return restore.dryRun() && plan != null && (restore.status() == SessionStatus.SUCCESS || restore.status() == SessionStatus.WARNING);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance restores(List<RestoreView> restores, Map<UUID, String> policyNames);

        static native TemplateInstance choosePolicy(List<PolicyView> policies);

        static native TemplateInstance wizard(PolicyView policy, RestoreWizardForm form, List<RestoreWizardForm.ObjectRow> rows,
                List<PointChoice> points, List<String> objects, List<ConnectionView> connections, Map<String, String> errors,
                String notice);

        static native TemplateInstance restore(RestoreDetail detail);

        static native TemplateInstance restore$live(RestoreDetail detail);
    }

    @GET
    public TemplateInstance list(@QueryParam("policyId") UUID policyId) {
        List<RestoreView> restores = api.get(Service.SESSION, "/api/v1/restores" + (policyId == null ? "" : "?policyId=" + policyId),
                new TypeReference<List<RestoreView>>() { });
        Map<UUID, String> names = new LinkedHashMap<>();
        suite.policies().forEach(p -> names.put(p.id(), p.name()));
        return Templates.restores(restores, names);
    }

    /** The wizard: first the policy, then the whole plan on one page (prefilled from browse or from a dry run's plan). */
    @GET
    @Path("new")
    public TemplateInstance wizard(@QueryParam("policyId") String policyId, @QueryParam("object") String object,
            @QueryParam("ids") List<String> ids, @QueryParam("point") String point, @QueryParam("plan") String plan) {
        requireRestoreOperator();
        String chosen = ids == null ? "" : String.join(", ", ids);
        RestoreWizardForm form = RestorePlan.decode(plan, json).map(RestoreWizardForm::of)
                .orElseGet(() -> RestoreWizardForm.start(policyId, object, chosen, point));
        if (form.policyId == null || form.policyId.isBlank()) {
            return Templates.choosePolicy(suite.policies());
        }
        return wizardPage(form, Map.of(), null);
    }

    /** The wizard's submit: always a dry run first. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dryRun(@BeanParam RestoreWizardForm form) {
        Csrf.require(me.get(), form.csrf);
        Map<String, String> errors = form.typeErrors();
        if (!errors.isEmpty()) {
            return Response.status(400).entity(wizardPage(form, errors, "Correct the fields marked below.")).build();
        }
        RestoreRequest request = form.toRequest(true);
        try {
            UUID id = start(request);
            return Response.seeOther(UriBuilder.fromPath("/restores/{id}").queryParam("plan", RestorePlan.encode(request, json)).build(id)).build();
        } catch (ServiceFailure refused) {
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            return Response.status(refused.status()).entity(wizardPage(form, RestoreWizardForm.placeErrors(PolicyPages.fieldErrors(refused.problem())),
                    "session-service refused the restore: " + refused.problem().summary())).build();
        }
    }

    /** Runs for real what a dry run planned. */
    @POST
    @Path("run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@FormParam(Csrf.FIELD) String csrf, @FormParam("plan") String plan) {
        Csrf.require(me.get(), csrf);
        RestoreRequest request = RestorePlan.decode(plan, json)
                .orElseThrow(() -> new BadRequestException("plan: not a restore plan; start again from the wizard"));
        UUID id = start(RestorePlan.withDryRun(request, false));
        return Response.seeOther(URI.create("/restores/" + id)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance restore(@PathParam("id") UUID id, @QueryParam("plan") String plan) {
        return Templates.restore(detail(id, plan));
    }

    @GET
    @Path("{id}/live")
    public TemplateInstance live(@PathParam("id") UUID id, @QueryParam("plan") String plan) {
        return Templates.restore$live(detail(id, plan));
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(me.get(), csrf);
        api.change(Service.SESSION, "POST", "/api/v1/restores/" + id + "/stop", null, null);
        return Response.seeOther(URI.create("/restores/" + id)).build();
    }

    /** The per-record report as CSV, streamed through from session-service. */
    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    public Response report(@PathParam("id") UUID id) {
        return PassedOn.download(api.stream(Service.SESSION, "/api/v1/restores/" + id + "/report", "text/csv"), "restore-" + id + ".csv");
    }

    private UUID start(RestoreRequest request) {
        JsonNode started = api.change(Service.SESSION, "POST", "/api/v1/restores", request, null);
        return UUID.fromString(started.path("id").asText());
    }

    private void requireRestoreOperator() {
        if (!me.get().isRestoreOperator()) {
            throw new ForbiddenException("restoring needs the restore-operator role");
        }
    }

    private TemplateInstance wizardPage(RestoreWizardForm form, Map<String, String> errors, String notice) {
        PolicyView policy = suite.policy(UUID.fromString(form.policyId.strip())).body();
        List<PointChoice> points = new ArrayList<>();
        Set<String> objects = new LinkedHashSet<>(policy.scope() == null || policy.scope().objects() == null ? List.of() : policy.scope().objects());
        Set<UUID> sessions = new LinkedHashSet<>();
        for (RestorePointView point : suite.restorePoints(policy.id(), null, 0, POINTS_OFFERED).items()) {
            if (point.object() != null) {
                objects.add(point.object());
            }
            boolean chosen = point.id().toString().equals(form.restorePointId == null ? "" : form.restorePointId.strip());
            boolean newSession = sessions.add(point.sessionId() != null ? point.sessionId() : point.id());
            if (point.committedAt() != null && (newSession || chosen)) {
                points.add(new PointChoice(point.id().toString(), Formats.at(point.committedAt())));
            }
        }
        objects.remove("all");
        return Templates.wizard(policy, form, form.rows(), points, objects.stream().sorted().toList(), suite.connections(), errors, notice);
    }

    private RestoreDetail detail(UUID id, String plan) {
        RestoreView restore = api.get(Service.SESSION, "/api/v1/restores/" + id, RestoreView.class);
        boolean active = ACTIVE.contains(restore.status());
        List<ReportRow> report = List.of();
        boolean truncated = false;
        if (!active) {
            List<JsonNode> lines = api.ndjson(Service.SESSION, "/api/v1/restores/" + id + "/report", l -> true, 0, REPORT_PREVIEW);
            truncated = lines.size() > REPORT_PREVIEW;
            report = lines.stream().limit(REPORT_PREVIEW).map(RestorePages::reportRow).toList();
        }
        String policyName = restore.policyId() == null ? "" : policyName(restore.policyId());
        boolean validPlan = RestorePlan.decode(plan, json).isPresent();
        return new RestoreDetail(restore, policyName, orgName(restore.targetConnectionId()), active, counters(restore.counters(), restore.dryRun()), report, truncated,
                validPlan ? plan.strip() : null);
    }

    private String orgName(UUID connectionId) {
        if (connectionId == null) {
            return "the policy's org";
        }
        try {
            return suite.connections().stream().filter(c -> c.id().equals(connectionId)).map(ConnectionView::name).findFirst()
                    .orElse(connectionId.toString());
        } catch (ServiceFailure unreadable) {
            return connectionId.toString();
        }
    }

    private String policyName(UUID policyId) {
        try {
            return suite.policy(policyId).body().name();
        } catch (ServiceFailure unreadable) {
            return policyId.toString();
        }
    }

    static List<Counter> counters(RestoreCounters c, boolean dryRun) {
        if (c == null) {
            return List.of();
        }
        String would = dryRun ? "would be " : "";
        return List.of(new Counter("planned", "Planned", c.planned()),
                new Counter("updated", would + "updated", c.updated()),
                new Counter("undeleted", would + "undeleted", c.undeleted()),
                new Counter("recreated", would + "recreated", c.recreated()),
                new Counter("unchanged", "unchanged", c.unchanged()),
                new Counter("skipped", would + "skipped", c.skipped()),
                new Counter("failed", "failed", c.failed()),
                new Counter("apiCalls", "API calls", c.apiCalls()));
    }

    private static ReportRow reportRow(JsonNode line) {
        List<String> changed = new ArrayList<>();
        line.path("changedFields").forEach(f -> changed.add(f.asText()));
        return new ReportRow(BrowsePages.text(line.get("object")), BrowsePages.text(line.get("backupId")), BrowsePages.text(line.get("targetId")),
                BrowsePages.text(line.get("action")), String.join(", ", changed), BrowsePages.text(line.get("status")),
                (BrowsePages.text(line.get("statusCode")) + " " + BrowsePages.text(line.get("message"))).strip());
    }
}
