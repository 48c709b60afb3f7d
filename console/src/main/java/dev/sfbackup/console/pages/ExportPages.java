package dev.sfbackup.console.pages;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.Suite;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Exports through storage-service's download endpoints, streamed through as they come: one object at a restore point
 * as CSV (Data Loader) or NDJSON, or everything a policy stored as of a time as one ZIP (objects, files, metadata).
 * The downloads are operators' (storage-service refuses others; the page says so).
 */
@Path("/export")
@Produces(MediaType.TEXT_HTML)
public class ExportPages {

    private static final Set<String> FORMATS = Set.of("CSV", "NDJSON");
    private static final int POINTS_OFFERED = 200;

    private final Suite suite;
    private final ServiceApi api;

    public ExportPages(Suite suite, ServiceApi api) {
        this.suite = suite;
        this.api = api;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance export(List<PolicyView> policies, PolicyView policy, List<RestorePointView> points, Set<String> objects);
    }

    @GET
    public TemplateInstance page(@QueryParam("policyId") UUID policyId) {
        List<PolicyView> policies = suite.policies();
        if (policyId == null) {
            return Templates.export(policies, null, List.of(), Set.of());
        }
        PolicyView policy = suite.policy(policyId).body();
        List<RestorePointView> points = suite.restorePoints(policyId, null, 0, POINTS_OFFERED).items().stream()
                .filter(p -> p.object() != null && p.committedAt() != null).toList();
        Set<String> objects = new TreeSet<>();
        points.forEach(p -> objects.add(p.object()));
        return Templates.export(policies, policy, points, objects);
    }

    /** One object at a restore point. */
    @GET
    @Path("point")
    @Produces({"text/csv", "application/x-ndjson"})
    public Response point(@QueryParam("point") UUID pointId, @QueryParam("format") String format) {
        if (pointId == null) {
            throw new BadRequestException("point: choose a restore point");
        }
        String chosen = format == null || format.isBlank() ? "CSV" : format.strip().toUpperCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new BadRequestException("format: one of CSV, NDJSON; got '" + format + "'");
        }
        ServiceApi.Download download = api.stream(Service.STORAGE, "/api/v1/restore-points/" + pointId + "/export?format=" + chosen,
                chosen.equals("CSV") ? "text/csv" : "application/x-ndjson");
        return PassedOn.download(download, pointId + (chosen.equals("CSV") ? ".csv" : ".ndjson"));
    }

    /** Everything (or the objects chosen) as of a time, as a ZIP. */
    @GET
    @Path("policies/{policyId}")
    @Produces("application/zip")
    public Response policy(@PathParam("policyId") UUID policyId, @QueryParam("asOf") String asOf,
            @QueryParam("objects") List<String> objects, @QueryParam("files") boolean files, @QueryParam("metadata") boolean metadata) {
        StringBuilder query = new StringBuilder("?files=").append(files).append("&metadata=").append(metadata);
        if (asOf != null && !asOf.isBlank()) {
            query.append("&asOf=").append(Suite.encode(asOf.strip()));
        }
        List<String> chosen = objects == null ? List.of() : objects.stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        if (!chosen.isEmpty()) {
            query.append("&objects=").append(Suite.encode(String.join(",", chosen)));
        }
        ServiceApi.Download download = api.stream(Service.STORAGE, "/api/v1/policies/" + policyId + "/export" + query, "application/zip");
        return PassedOn.download(download, "policy-" + policyId + ".zip");
    }
}
