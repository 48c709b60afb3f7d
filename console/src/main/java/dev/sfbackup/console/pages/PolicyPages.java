package dev.sfbackup.console.pages;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.policy.ConnectionView;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.OrgObjectView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.console.api.Problem;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import dev.sfbackup.console.signin.Csrf;
import dev.sfbackup.console.signin.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Policies: the list, one policy with its recent runs, the create and edit form (errors beside their fields, edits
 * sent with If-Match so two admins cannot overwrite each other), enable, disable and run now.
 */
@Path("/policies")
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    private final Suite suite;
    private final ServiceApi api;
    private final CurrentUser me;
    private final Clock clock;

    public PolicyPages(Suite suite, ServiceApi api, CurrentUser me, Clock clock) {
        this.suite = suite;
        this.api = api;
        this.me = me;
        this.clock = clock;
    }

    /** A policy in the list: its org name and next scheduled run. */
    public record PolicyRow(PolicyView policy, String org, String nextRun) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<PolicyRow> rows);

        static native TemplateInstance detail(PolicyRow row, String etag, List<RunView> runs);

        static native TemplateInstance form(String action, String title, PolicyForm form, Map<String, String> errors,
                String notice, List<ConnectionView> connections, List<RepositoryView> repositories, SchedulePreview preview,
                ObjectPicker picker, String reloadAction);

        static native TemplateInstance form$objectPicker(ObjectPicker picker);

        static native TemplateInstance form$schedulePreview(SchedulePreview preview);
    }

    @GET
    public TemplateInstance list() {
        Map<UUID, String> orgs = orgNames();
        List<PolicyRow> rows = suite.policies().stream().map(p -> row(p, orgs)).toList();
        return Templates.list(rows);
    }

    @GET
    @Path("new")
    public TemplateInstance create() {
        return form("/policies", "New policy", PolicyForm.blank(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam PolicyForm form) {
        Csrf.require(me.get(), form.csrf);
        Map<String, String> typeErrors = form.typeErrors();
        if (!typeErrors.isEmpty()) {
            return invalid("/policies", "New policy", form, typeErrors, "Correct the fields marked below.");
        }
        try {
            JsonNode created = api.change(Service.POLICY, "POST", "/api/v1/policies", form.toRequest(null), null);
            return Response.seeOther(URI.create("/policies/" + created.path("id").asText())).build();
        } catch (ServiceFailure refused) {
            return rejected("/policies", "New policy", form, refused);
        }
    }

    /**
     * The form again as typed, with the objects of the connection now chosen: what "List this org's objects" does on a
     * page without script (the script fetches the list instead). Saves nothing.
     */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reloadNew(@BeanParam PolicyForm form) {
        Csrf.require(me.get(), form.csrf);
        return form("/policies", "New policy", form, Map.of(), null);
    }

    /** The next runs of a schedule as typed: the form refreshes it while the cron or time zone changes. */
    @GET
    @Path("schedule-preview")
    public TemplateInstance schedulePreview(@QueryParam("cron") String cron, @QueryParam("timeZone") String timeZone) {
        return Templates.form$schedulePreview(SchedulePreview.of(cron, timeZone, clock.instant()));
    }

    /** The objects of a connection's org, for the form: refreshed when the connection changes. */
    @GET
    @Path("org-objects")
    public TemplateInstance orgObjects(@QueryParam("connectionId") String connectionId, @QueryParam("objects") String objects) {
        return Templates.form$objectPicker(picker(connectionId, objects));
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") UUID id) {
        ServiceApi.Answer<PolicyView> policy = suite.policy(id);
        List<RunView> runs = suite.runs(id);
        return Templates.detail(row(policy.body(), orgNames()), policy.etag(), runs.subList(0, Math.min(20, runs.size())));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        PolicyView policy = suite.policy(id).body();
        return form("/policies/" + id, "Edit " + policy.name(), PolicyForm.of(policy), Map.of(), null);
    }

    /** The edit form again as typed, with the chosen connection's objects (pages without script). Saves nothing. */
    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance reloadEdit(@PathParam("id") UUID id, @BeanParam PolicyForm form) {
        Csrf.require(me.get(), form.csrf);
        return form("/policies/" + id, "Edit " + (form.name == null || form.name.isBlank() ? "policy" : form.name), form, Map.of(), null);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") UUID id, @BeanParam PolicyForm form) {
        Csrf.require(me.get(), form.csrf);
        String action = "/policies/" + id;
        String title = "Edit " + (form.name == null ? "policy" : form.name);
        Map<String, String> typeErrors = form.typeErrors();
        if (!typeErrors.isEmpty()) {
            return invalid(action, title, form, typeErrors, "Correct the fields marked below.");
        }
        try {
            PolicyView current = suite.policy(id).body();
            api.change(Service.POLICY, "PUT", "/api/v1/policies/" + id, form.toRequest(current), ifMatch(form.version));
            return Response.seeOther(URI.create(action)).build();
        } catch (ServiceFailure refused) {
            return rejected(action, title, form, refused);
        }
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf, @FormParam("version") String version) {
        return setEnabled(id, csrf, version, "enable");
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf, @FormParam("version") String version) {
        return setEnabled(id, csrf, version, "disable");
    }

    /** Starts a run now (operators): policy-service asks session-service; then the run's page. */
    @POST
    @Path("{id}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response runNow(@PathParam("id") UUID id, @FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(me.get(), csrf);
        JsonNode run = api.change(Service.POLICY, "POST", "/api/v1/policies/" + id + "/runs", null, null);
        return Response.seeOther(URI.create("/runs/" + run.path("id").asText())).build();
    }

    private Response setEnabled(UUID id, String csrf, String version, String action) {
        Csrf.require(me.get(), csrf);
        api.change(Service.POLICY, "POST", "/api/v1/policies/" + id + "/" + action, null, ifMatch(version));
        return Response.seeOther(URI.create("/policies/" + id)).build();
    }

    private Response rejected(String action, String title, PolicyForm form, ServiceFailure refused) {
        Problem problem = refused.problem();
        return switch (refused.status()) {
            case 400, 422 -> invalid(action, title, form, fieldErrors(problem), "policy-service refused the policy: correct the fields marked below.");
            case 412, 428 -> Response.status(409).entity(form(action, title, form, Map.of(),
                    "Someone changed this policy after you opened it: your changes were not saved. "
                            + "Open it again to see theirs, then make yours.")).build();
            default -> throw refused;
        };
    }

    private Response invalid(String action, String title, PolicyForm form, Map<String, String> errors, String notice) {
        return Response.status(400).entity(form(action, title, form, errors, notice)).build();
    }

    /** scope.objects[2] is shown beside scope.objects. */
    static Map<String, String> fieldErrors(Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]$", "");
            errors.merge(field, error.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private TemplateInstance form(String action, String title, PolicyForm form, Map<String, String> errors, String notice) {
        return Templates.form(action, title, form, errors, notice, suite.connections(), suite.repositories(),
                SchedulePreview.of(form.cron, form.timeZone, clock.instant()), picker(form.connectionId, form.objects),
                action.equals("/policies") ? "/policies/new" : action + "/edit");
    }

    private ObjectPicker picker(String connectionId, String typed) {
        UUID connection;
        try {
            connection = UUID.fromString(connectionId == null ? "" : connectionId.strip());
        } catch (IllegalArgumentException none) {
            return ObjectPicker.none("Choose the org connection to search its objects.");
        }
        try {
            return ObjectPicker.of(api.get(Service.SESSION, "/api/v1/connections/" + connection + "/objects",
                    new TypeReference<List<OrgObjectView>>() { }), typed);
        } catch (ServiceFailure unavailable) {
            return ObjectPicker.none("The org's objects cannot be listed (" + unavailable.getMessage() + "); type their names instead.");
        }
    }

    private PolicyRow row(PolicyView policy, Map<UUID, String> orgs) {
        String next = policy.enabled()
                ? Formats.nextRun(policy.schedule(), clock.instant()).map(Formats::at).orElse("by hand only")
                : "disabled";
        return new PolicyRow(policy, orgs.getOrDefault(policy.connectionId(), String.valueOf(policy.connectionId())), next);
    }

    private Map<UUID, String> orgNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        try {
            suite.connections().forEach(c -> names.put(c.id(), c.name()));
        } catch (ServiceFailure refused) {
            // the ids stand in for names
        }
        return names;
    }

    private static String ifMatch(String version) {
        return version == null || version.isBlank() ? null : "\"" + version.strip() + "\"";
    }
}
