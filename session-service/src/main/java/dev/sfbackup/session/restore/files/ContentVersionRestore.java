package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.salesforce.SaveResult;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts ContentVersions back into the target org. A version whose document still exists there is uploaded as that
 * document's new latest version (unless the document's latest version already is it); one whose document is gone is
 * uploaded without a document, so Salesforce starts a new one, which is then linked (ContentDocumentLink) to the record
 * the version was first published on, under the id that record has in the target (recreated records through the id
 * map). Bodies stream from storage to the org's multipart insert. New ids go to the id map, so a second run finds them.
 */
final class ContentVersionRestore {

    static final String OBJECT = "ContentVersion";
    private static final String DOCUMENT = "ContentDocument";
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
    /** Fields copied from the stored version when they are createable in the target. */
    private static final List<String> COPIED = List.of("Title", "PathOnClient", "Description");

    /** Opens a stored body (a stream from storage-service). */
    interface Bodies {
        java.io.InputStream open(java.util.UUID fileId) throws java.io.IOException;
    }

    /** What became of one version, and the API calls it took. */
    record Restored(RestoreReportLine line, long bytes, long apiCalls, boolean linkMissing) {
    }

    private final RestoreJob job;
    private final SalesforceConnection org;
    private final SObjectDescribe describe;
    private final Bodies bodies;
    private final RestoreIdMap idMap;
    private final Map<String, String> restoredParents;
    private final Clock clock;

    ContentVersionRestore(RestoreJob job, SalesforceConnection org, SObjectDescribe describe, Bodies bodies, RestoreIdMap idMap,
            Map<String, String> restoredParents, Clock clock) {
        this.job = job;
        this.org = org;
        this.describe = describe;
        this.bodies = bodies;
        this.idMap = idMap;
        this.restoredParents = restoredParents;
        this.clock = clock;
    }

    /** Restores a handful of versions: one look-up of their documents, then one upload each. */
    List<Restored> restore(List<FileToRestore> files) {
        Set<String> documents = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (FileToRestore file : files) {
            ids.add(file.versionId());
            if (file.documentId() != null) {
                documents.add(file.documentId());
            }
        }
        Map<String, String> mapped = idMap.targets(job.policyId(), job.targetConnectionId(), union(ids, documents));
        Map<String, String> latestByDocument = latestVersions(documents.stream().map(id -> mapped.getOrDefault(id, id)).toList());
        List<Restored> restored = new ArrayList<>();
        boolean first = true;
        for (FileToRestore file : files) {
            restored.add(restore(file, mapped, latestByDocument, first && !documents.isEmpty() ? 1 : 0));
            first = false;
        }
        return restored;
    }

    private Restored restore(FileToRestore file, Map<String, String> mapped, Map<String, String> latestByDocument, long lookups) {
        if (file.body() == null) {
            return skipped(file, "no body of this ContentVersion was stored by " + job.asOf(), lookups);
        }
        String document = file.documentId() == null ? null : mapped.getOrDefault(file.documentId(), file.documentId());
        String latest = document == null ? null : latestByDocument.get(document);
        String restoredAs = mapped.getOrDefault(file.versionId(), file.versionId());
        if (latest != null && (latest.equals(file.versionId()) || latest.equals(restoredAs))) {
            return new Restored(line(file, latest, RestoreAction.UNCHANGED, List.of(), job.dryRun() ? "PLANNED" : "OK", null,
                    "the latest version of ContentDocument " + document), 0, lookups, false);
        }
        if (latest != null) {
            UploadedBefore check = new UploadedBefore(org);
            boolean uploaded = check.isTheStoredBody(latest, file);
            lookups += check.apiCalls;
            if (uploaded) {
                if (!job.dryRun()) {
                    idMap.recreated(job.policyId(), job.targetConnectionId(), OBJECT, Map.of(file.versionId(), latest), job.runId(),
                            clock.instant());
                }
                return new Restored(line(file, latest, RestoreAction.UNCHANGED, List.of(), job.dryRun() ? "PLANNED" : "OK", null,
                        "the latest version of ContentDocument " + document + " already has this body (uploaded before)"), 0, lookups, false);
            }
        }
        boolean newVersion = latest != null;
        if (!newVersion && !job.recreates()) {
            return skipped(file, "its ContentDocument is gone; mode UPDATE writes only files whose document exists", lookups);
        }
        if (newVersion && !job.updates()) {
            return skipped(file, "ContentDocument " + document + " has a newer version; mode RECREATE writes only missing files", lookups);
        }
        RestoreAction action = newVersion ? RestoreAction.UPDATE : RestoreAction.RECREATE;
        String planned = newVersion ? "new version of ContentDocument " + document
                : "new ContentDocument" + (file.parentId() == null ? "" : " linked to " + parentInTarget(file.parentId(), mapped));
        if (job.dryRun()) {
            return new Restored(line(file, null, action, List.of("VersionData"), "PLANNED", null, planned), 0, lookups, false);
        }
        return write(file, newVersion ? document : null, mapped, lookups);
    }

    private Restored write(FileToRestore file, String document, Map<String, String> mapped, long calls) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String name : COPIED) {
            String value = name.equals("PathOnClient") ? file.fileName() : name.equals("Title") ? file.title() : file.field(name);
            if (value != null && describe.field(name).map(field -> field.createable()).orElse(false)) {
                fields.put(name, value);
            }
        }
        if (document != null) {
            fields.put("ContentDocumentId", document);
        }
        String newVersion;
        try {
            newVersion = org.insertWithBody(OBJECT, fields, "VersionData", file.fileName(), file.body().size(),
                    () -> bodies.open(file.body().id()));
        } catch (SalesforceException rejected) {
            return new Restored(line(file, null, document != null ? RestoreAction.UPDATE : RestoreAction.RECREATE, List.of(),
                    "FAILED", rejected.errorCode(), rejected.getMessage()), 0, calls + 1, false);
        }
        calls++;
        Map<String, String> recreated = new HashMap<>(Map.of(file.versionId(), newVersion));
        if (document != null) {
            idMap.recreated(job.policyId(), job.targetConnectionId(), OBJECT, recreated, job.runId(), clock.instant());
            return new Restored(line(file, newVersion, RestoreAction.UPDATE, List.of("VersionData"), "OK", null,
                    "new version of ContentDocument " + document), file.body().size(), calls, false);
        }
        String newDocument = documentOf(newVersion);
        calls++;
        idMap.recreated(job.policyId(), job.targetConnectionId(), OBJECT, recreated, job.runId(), clock.instant());
        if (file.documentId() != null && newDocument != null) {
            idMap.recreated(job.policyId(), job.targetConnectionId(), DOCUMENT, Map.of(file.documentId(), newDocument),
                    job.runId(), clock.instant());
        }
        String message = "new ContentDocument " + newDocument;
        boolean linkMissing = false;
        if (file.parentId() != null && newDocument != null) {
            String parent = parentInTarget(file.parentId(), mapped);
            ObjectNode link = JsonNodeFactory.instance.objectNode().put("ContentDocumentId", newDocument).put("LinkedEntityId", parent)
                    .put("ShareType", "I").put("Visibility", "AllUsers");
            SaveResult linked = org.collections().create("ContentDocumentLink", List.of(link), false).get(0);
            calls++;
            if (linked.success()) {
                message += " linked to " + parent;
            } else {
                linkMissing = true;
                SaveResult.SaveError error = linked.errors().isEmpty() ? null : linked.errors().get(0);
                message += ", not linked to " + parent + (error == null ? "" : ": " + error.statusCode() + " " + error.message());
            }
        }
        return new Restored(line(file, newVersion, RestoreAction.RECREATE, List.of("VersionData"), "OK", null, message),
                file.body().size(), calls, linkMissing);
    }

    /** The id the parent record has in the target: as this restore wrote it, as an earlier one recreated it, or its own. */
    private String parentInTarget(String parent, Map<String, String> mapped) {
        String restored = restoredParents.get(parent);
        if (restored != null) {
            return restored;
        }
        if (mapped.containsKey(parent)) {
            return mapped.get(parent);
        }
        return idMap.targets(job.policyId(), job.targetConnectionId(), List.of(parent)).getOrDefault(parent, parent);
    }

    /** The documents that exist (not deleted) in the target, each with its latest version. */
    private Map<String, String> latestVersions(Collection<String> documents) {
        Map<String, String> latest = new HashMap<>();
        List<String> valid = documents.stream().filter(id -> RECORD_ID.matcher(id).matches()).toList();
        if (valid.isEmpty()) {
            return latest;
        }
        String soql = "SELECT Id, LatestPublishedVersionId FROM ContentDocument WHERE Id IN ('" + String.join("','", valid) + "')";
        try (RestQuery<ObjectNode> rows = org.query(soql)) {
            rows.forEachRemaining(row -> latest.put(row.path("Id").asText(), row.path("LatestPublishedVersionId").asText()));
        }
        return latest;
    }

    private String documentOf(String version) {
        try (RestQuery<ObjectNode> rows = org.query("SELECT Id, ContentDocumentId FROM ContentVersion WHERE Id = '" + version + "'")) {
            return rows.hasNext() ? rows.next().path("ContentDocumentId").asText(null) : null;
        }
    }

    private Restored skipped(FileToRestore file, String why, long calls) {
        return new Restored(line(file, null, RestoreAction.SKIP, List.of(), job.dryRun() ? "PLANNED" : "OK", null, why), 0, calls, false);
    }

    private static RestoreReportLine line(FileToRestore file, String targetId, RestoreAction action, List<String> fields, String status,
            String code, String message) {
        return new RestoreReportLine(OBJECT, file.versionId(), targetId, action, fields, status, code, message, List.of());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
