package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.export.repository.ExportedFiles;
import dev.sfbackup.storage.export.repository.ExportedFiles.ExportedFile;
import dev.sfbackup.storage.export.service.MetadataDiffView.ObjectChange;
import dev.sfbackup.storage.export.service.MetadataDiffView.PackageChanges;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** Compares what a policy stored of an org's metadata at two times: object describes and metadata packages. */
@ApplicationScoped
public class MetadataDiff {

    private final PolicyExport export;
    private final ExportedFiles exported;

    public MetadataDiff(PolicyExport export, ExportedFiles exported) {
        this.export = export;
        this.exported = exported;
    }

    /** from: required, an instant or a point id of the policy; to: the same, now when absent. */
    public MetadataDiffView diff(UUID policyId, String from, String to) throws SQLException {
        if (from == null || from.isBlank()) {
            throw ApiProblem.badRequest("from", "required: an instant such as 2026-01-01T00:00:00Z or a restore point id");
        }
        Instant a = export.asOf(policyId, from, "from");
        Instant b = export.asOf(policyId, to, "to");
        Map<String, JsonNode> before = describes(export.snapshots(policyId, a, null));
        Map<String, JsonNode> after = describes(export.snapshots(policyId, b, null));
        TreeSet<String> objects = new TreeSet<>(before.keySet());
        objects.addAll(after.keySet());
        List<ObjectChange> changes = new ArrayList<>();
        for (String object : objects) {
            ObjectChange change = DescribeComparison.compare(object, before.get(object), after.get(object));
            if (change != null) {
                changes.add(change);
            }
        }
        return new MetadataDiffView(policyId, a, b, changes, packages(exported.metadataAsOf(policyId, a),
                exported.metadataAsOf(policyId, b)));
    }

    private static Map<String, JsonNode> describes(List<ObjectSnapshot> snapshots) {
        Map<String, JsonNode> describes = new HashMap<>();
        for (ObjectSnapshot snapshot : snapshots) {
            if (snapshot.describe() != null) {
                describes.put(snapshot.object(), snapshot.describe());
            }
        }
        return describes;
    }

    private static PackageChanges packages(List<ExportedFile> before, List<ExportedFile> after) {
        Map<String, String> old = new HashMap<>();
        before.forEach(file -> old.put(file.sourceId(), file.sha256()));
        Map<String, String> current = new HashMap<>();
        after.forEach(file -> current.put(file.sourceId(), file.sha256()));
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(current.keySet());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!old.containsKey(name)) {
                added.add(name);
            } else if (!current.containsKey(name)) {
                removed.add(name);
            } else if (!old.get(name).equals(current.get(name))) {
                changed.add(name);
            }
        }
        return new PackageChanges(added, removed, changed);
    }
}
