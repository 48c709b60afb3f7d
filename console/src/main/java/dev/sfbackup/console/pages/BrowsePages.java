package dev.sfbackup.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.storage.RecordVersionView;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.console.api.Service;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.Suite;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Browsing backups: a policy's objects, an object's timeline of restore points, its records as of a point (search
 * and paging), one record's history with the changed fields highlighted, and what changed between two points.
 */
@Path("/browse")
@Produces(MediaType.TEXT_HTML)
public class BrowsePages {

    static final int PAGE_SIZE = 25;
    private static final int MAX_VERSIONS = 12;
    private static final int MAX_DIFF_LINES = 200;
    private static final Pattern FIELD_QUERY = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,120}:.*");

    private final Suite suite;
    private final ServiceApi api;

    public BrowsePages(Suite suite, ServiceApi api) {
        this.suite = suite;
        this.api = api;
    }

    /** An object of a policy: its newest restore point and how many the page of points holds. */
    public record ObjectRow(String object, RestorePointView latest, int points) {
    }

    /** A record as a row of the list: id, a display name and when it was last modified in the org. */
    public record RecordRow(String id, String name, String modified) {
    }

    /** One field across a record's versions. */
    public record FieldRow(String field, List<Cell> cells) {
    }

    /** A field's value in one version; changed: it differs from the version before. */
    public record Cell(String value, boolean changed) {
    }

    /** A version's column header. */
    public record VersionColumn(RecordVersionView version, String label) {
    }

    /** A record that differs between two points; fields: before and after of each changed field. */
    public record DiffRow(String recordId, String change, String name, List<FieldChange> fields) {
    }

    public record FieldChange(String field, String before, String after) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policies(List<PolicyView> policies);

        static native TemplateInstance objects(PolicyView policy, List<ObjectRow> objects);

        static native TemplateInstance records(PolicyView policy, String object, List<RestorePointView> timeline,
                RestorePointView point, List<RecordRow> records, String search, int page, boolean hasNext);

        static native TemplateInstance history(PolicyView policy, String object, String recordId, List<VersionColumn> columns,
                List<FieldRow> fields);

        static native TemplateInstance compare(PolicyView policy, String object, RestorePointView a, RestorePointView b,
                Map<String, Integer> counts, List<DiffRow> rows, boolean truncated);
    }

    @GET
    public TemplateInstance policies() {
        return Templates.policies(suite.policies());
    }

    @GET
    @Path("{policyId}")
    public TemplateInstance objects(@PathParam("policyId") UUID policyId) {
        PolicyView policy = suite.policy(policyId).body();
        Map<String, List<RestorePointView>> byObject = new LinkedHashMap<>();
        for (RestorePointView point : suite.restorePoints(policyId, null, 0, 200).items()) {
            if (point.object() != null) {
                byObject.computeIfAbsent(point.object(), o -> new ArrayList<>()).add(point);
            }
        }
        List<ObjectRow> rows = byObject.entrySet().stream()
                .map(e -> new ObjectRow(e.getKey(), e.getValue().getFirst(), e.getValue().size()))
                .sorted(java.util.Comparator.comparing(ObjectRow::object)).toList();
        return Templates.objects(policy, rows);
    }

    @GET
    @Path("{policyId}/{object}")
    public TemplateInstance records(@PathParam("policyId") UUID policyId, @PathParam("object") String object,
            @QueryParam("point") UUID pointId, @QueryParam("q") String search, @QueryParam("page") @DefaultValue("0") int page) {
        PolicyView policy = suite.policy(policyId).body();
        List<RestorePointView> timeline = suite.restorePoints(policyId, object, 0, 50).items();
        RestorePointView point = pointId != null ? suite.restorePoint(pointId) : timeline.isEmpty() ? null : timeline.getFirst();
        List<RecordRow> records = List.of();
        boolean hasNext = false;
        int current = Math.max(page, 0);
        if (point != null) {
            String query = search == null ? "" : search.strip();
            String path = "/api/v1/restore-points/" + point.id() + "/objects/" + Suite.encode(object) + "/records"
                    + (FIELD_QUERY.matcher(query).matches() ? "?q=" + Suite.encode(query) : "");
            Predicate<JsonNode> filter = FIELD_QUERY.matcher(query).matches() || query.isEmpty() ? r -> true : contains(query);
            List<JsonNode> lines = api.ndjson(Service.STORAGE, path, filter, current * PAGE_SIZE, PAGE_SIZE);
            hasNext = lines.size() > PAGE_SIZE;
            records = lines.stream().limit(PAGE_SIZE).map(BrowsePages::recordRow).toList();
        }
        return Templates.records(policy, object, timeline, point, records, search == null ? "" : search, current, hasNext);
    }

    @GET
    @Path("{policyId}/{object}/records/{recordId}")
    public TemplateInstance history(@PathParam("policyId") UUID policyId, @PathParam("object") String object,
            @PathParam("recordId") String recordId) {
        PolicyView policy = suite.policy(policyId).body();
        List<RecordVersionView> versions = suite.versions(object, recordId, policyId);
        List<RecordVersionView> shown = versions.subList(Math.max(0, versions.size() - MAX_VERSIONS), versions.size());
        List<VersionColumn> columns = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        Set<String> fieldNames = new LinkedHashSet<>();
        for (RecordVersionView version : shown) {
            JsonNode record = version.tombstone() || version.restorePointId() == null ? null : recordAt(version.restorePointId(), object, recordId);
            columns.add(new VersionColumn(version, Formats.at(version.committedAt()) + (version.tombstone() ? " (deleted)" : "")));
            values.add(record);
            if (record != null) {
                record.fieldNames().forEachRemaining(fieldNames::add);
            }
        }
        List<FieldRow> fields = new ArrayList<>();
        for (String field : fieldNames) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                JsonNode record = values.get(i);
                List<String> changed = shown.get(i).changedFields();
                cells.add(new Cell(record == null ? "" : text(record.get(field)), i > 0 && changed != null && changed.contains(field)));
            }
            fields.add(new FieldRow(field, cells));
        }
        return Templates.history(policy, object, recordId, columns, fields);
    }

    @GET
    @Path("{policyId}/{object}/compare")
    public TemplateInstance compare(@PathParam("policyId") UUID policyId, @PathParam("object") String object,
            @QueryParam("a") UUID a, @QueryParam("b") UUID b) {
        PolicyView policy = suite.policy(policyId).body();
        RestorePointView from = suite.restorePoint(a);
        RestorePointView to = suite.restorePoint(b);
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("ADDED", 0, "CHANGED", 0, "DELETED", 0));
        List<DiffRow> rows = new ArrayList<>();
        String path = "/api/v1/restore-points/" + a + "/diff/" + b + "?object=" + Suite.encode(object);
        for (JsonNode line : api.ndjson(Service.STORAGE, path, l -> true, 0, Integer.MAX_VALUE - 1)) {
            String change = line.path("change").asText();
            counts.merge(change, 1, Integer::sum);
            if (rows.size() < MAX_DIFF_LINES) {
                rows.add(diffRow(line, change));
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return Templates.compare(policy, object, from, to, counts, rows, total > rows.size());
    }

    private JsonNode recordAt(UUID pointId, String object, String recordId) {
        String path = "/api/v1/restore-points/" + pointId + "/objects/" + Suite.encode(object) + "/records?q=" + Suite.encode("Id:" + recordId);
        List<JsonNode> found = api.ndjson(Service.STORAGE, path, r -> true, 0, 1);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static DiffRow diffRow(JsonNode line, String change) {
        List<FieldChange> fields = new ArrayList<>();
        JsonNode changed = line.path("fields");
        for (Map.Entry<String, JsonNode> field : changed.properties()) {
            fields.add(new FieldChange(field.getKey(), text(field.getValue().get("before")), text(field.getValue().get("after"))));
        }
        JsonNode record = line.has("after") ? line.get("after") : line.get("before");
        return new DiffRow(line.path("recordId").asText(), change, record == null ? "" : text(record.get("Name")), fields);
    }

    private static RecordRow recordRow(JsonNode record) {
        return new RecordRow(text(record.get("Id")), text(record.get("Name")), text(record.get("LastModifiedDate")));
    }

    /** Free text: a record whose any value contains it, ignoring case. */
    private static Predicate<JsonNode> contains(String text) {
        String wanted = text.toLowerCase(java.util.Locale.ROOT);
        return record -> {
            for (Iterator<JsonNode> values = record.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isValueNode() && value.asText().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                    return true;
                }
            }
            return false;
        };
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }
}
