package dev.sfbackup.console.pages;

import dev.sfbackup.api.audit.AuditPage;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.Suite;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail (admins): the three services' {@code /api/v1/audit} merged newest first, filtered by actor, action,
 * outcome, time and service, paged. Each service checks the admin role itself; a refusal is shown as a page.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    static final int PAGE_SIZE = 50;
    /** Deep pages ask each service for (page+1)·50 entries: beyond this, narrow the filter instead. */
    static final int MAX_PAGE = 19;
    static final List<String> OUTCOMES = List.of("SUCCESS", "FAILED", "DENIED", "UNAUTHENTICATED");

    private final ServiceApi api;

    public AuditPages(ServiceApi api) {
        this.api = api;
    }

    /** The filter as typed, echoed back into the form and the paging links. */
    public record Filter(String actor, String action, String outcome, String from, String to, String service) {

        public String query() {
            StringBuilder q = new StringBuilder();
            add(q, "actor", actor);
            add(q, "action", action);
            add(q, "outcome", outcome);
            add(q, "from", from);
            add(q, "to", to);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(Suite.encode(value.strip()));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Filter filter, MergedAudit.Page page, List<String> outcomes);
    }

    @GET
    public TemplateInstance audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("service") String service, @QueryParam("page") @DefaultValue("0") int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw new BadRequestException("page: from 0 to " + MAX_PAGE + "; narrow the filter to see older entries");
        }
        Filter filter = new Filter(actor, action, outcome, from, to, service);
        Map<Service, AuditPage> answers = new EnumMap<>(Service.class);
        for (Service each : services(service)) {
            answers.put(each, api.get(each, "/api/v1/audit?page=0&size=" + MergedAudit.needed(page, PAGE_SIZE) + filter.query(), AuditPage.class));
        }
        return Templates.audit(filter, MergedAudit.merge(answers, page, PAGE_SIZE), OUTCOMES);
    }

    private static List<Service> services(String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return List.of(Service.values());
        }
        try {
            return List.of(Service.valueOf(chosen.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("service: one of policy, session, storage; got '" + chosen + "'");
        }
    }
}
