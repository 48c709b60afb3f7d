package dev.sfbackup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.signin.Csrf;
import dev.sfbackup.console.signin.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Restores (issue 15's API on session-service): start one from a record's history (a dry run by default), follow it
 * while it runs, download its per-record report. The restore's answer is shown as session-service gives it: its
 * status and every counter it reports.
 */
@Path("/restores")
@Produces(MediaType.TEXT_HTML)
public class RestorePages {

    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING");

    private final ServiceApi api;
    private final CurrentUser me;

    public RestorePages(ServiceApi api, CurrentUser me) {
        this.api = api;
        this.me = me;
    }

    /** A counter of the restore (planned, updated, undeleted, recreated, …). */
    public record Counter(String name, String value) {
    }

    public record RestoreDetail(String id, String status, boolean dryRun, boolean active, List<Counter> counters) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance restore(RestoreDetail detail);

        static native TemplateInstance restore$live(RestoreDetail detail);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@BeanParam RestoreForm form) {
        Csrf.require(me.get(), form.csrf);
        Map<String, Object> body;
        try {
            body = form.toRequest();
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(invalid.getMessage());
        }
        JsonNode started = api.change(Service.SESSION, "POST", "/api/v1/restores", body, null);
        return Response.seeOther(URI.create("/restores/" + UUID.fromString(started.path("id").asText()))).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance restore(@PathParam("id") UUID id) {
        return Templates.restore(detail(id));
    }

    @GET
    @Path("{id}/live")
    public TemplateInstance live(@PathParam("id") UUID id) {
        return Templates.restore$live(detail(id));
    }

    /** The per-record report as CSV, passed through from session-service. */
    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    public Response report(@PathParam("id") UUID id) {
        byte[] csv = api.raw(Service.SESSION, "/api/v1/restores/" + id + "/report?format=csv", "text/csv");
        return Response.ok(csv, "text/csv").header("Content-Disposition", "attachment; filename=\"restore-" + id + ".csv\"").build();
    }

    private RestoreDetail detail(UUID id) {
        JsonNode restore = api.get(Service.SESSION, "/api/v1/restores/" + id, JsonNode.class);
        String status = restore.path("status").asText("UNKNOWN");
        List<Counter> counters = new ArrayList<>();
        for (Map.Entry<String, JsonNode> counter : restore.path("counters").properties()) {
            counters.add(new Counter(counter.getKey(), BrowsePages.text(counter.getValue())));
        }
        return new RestoreDetail(id.toString(), status, restore.path("dryRun").asBoolean(false), ACTIVE.contains(status), counters);
    }
}
