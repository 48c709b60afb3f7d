package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts Attachments back into the target org under their parent's id there (as this restore wrote it, as an earlier
 * one recreated it, or its own): an Attachment that still exists (itself, or the copy an earlier restore made) is
 * UNCHANGED; a gone one is inserted with its body streamed from storage (multipart, never base64 JSON). New ids go to
 * the id map, so a second run uploads nothing.
 */
final class AttachmentRestore {

    static final String OBJECT = "Attachment";
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");
    /** Fields copied from the stored record when they are createable in the target. */
    private static final List<String> COPIED = List.of("ContentType", "Description");

    /** One Attachment to put back: its stored record (its parent and name) and its stored body; either may be missing. */
    record Chosen(String id, ObjectNode record, PolicyFileView body) {

        String field(String name) {
            return record == null || record.path(name).isNull() || record.path(name).asText().isEmpty() ? null : record.path(name).asText();
        }

        String fileName() {
            String name = field("Name");
            return name != null ? name : body != null && body.name() != null ? body.name() : id;
        }
    }

    private final RestoreJob job;
    private final SalesforceConnection org;
    private final ContentVersionRestore.Bodies bodies;
    private final RestoreIdMap idMap;
    private final Map<String, String> restoredParents;
    private final Clock clock;

    AttachmentRestore(RestoreJob job, SalesforceConnection org, ContentVersionRestore.Bodies bodies, RestoreIdMap idMap,
            Map<String, String> restoredParents, Clock clock) {
        this.job = job;
        this.org = org;
        this.bodies = bodies;
        this.idMap = idMap;
        this.restoredParents = restoredParents;
        this.clock = clock;
    }

    /** Restores a handful of Attachments: one look-up of which exist, then one upload each that is gone. */
    List<ContentVersionRestore.Restored> restore(List<Chosen> attachments, SObjectDescribe describe) {
        Set<String> ids = new HashSet<>();
        attachments.forEach(attachment -> ids.add(attachment.id()));
        Map<String, String> mapped = idMap.targets(job.policyId(), job.targetConnectionId(), ids);
        Set<String> existing = existing(attachments.stream().map(attachment -> mapped.getOrDefault(attachment.id(), attachment.id())).toList());
        List<ContentVersionRestore.Restored> restored = new ArrayList<>();
        long lookup = 1;
        for (Chosen attachment : attachments) {
            restored.add(restore(attachment, describe, mapped.getOrDefault(attachment.id(), attachment.id()), existing, lookup));
            lookup = 0;
        }
        return restored;
    }

    private ContentVersionRestore.Restored restore(Chosen attachment, SObjectDescribe describe, String inTarget, Set<String> existing,
            long calls) {
        if (existing.contains(inTarget)) {
            return done(attachment, inTarget, RestoreAction.UNCHANGED, List.of(), job.dryRun() ? "PLANNED" : "OK", null,
                    "exists in the org", 0, calls);
        }
        if (attachment.body() == null) {
            return skipped(attachment, "no body of this Attachment was stored by " + job.asOf(), calls);
        }
        if (attachment.field("ParentId") == null) {
            return skipped(attachment, "its parent is unknown: the policy did not back up Attachment records", calls);
        }
        if (!job.recreates()) {
            return skipped(attachment, "it is gone; mode UPDATE writes only files that exist", calls);
        }
        String parent = parentInTarget(attachment.field("ParentId"));
        if (job.dryRun()) {
            return done(attachment, null, RestoreAction.RECREATE, List.of("Body"), "PLANNED", null, "new Attachment on " + parent, 0, calls);
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode().put("Name", attachment.fileName()).put("ParentId", parent);
        for (String name : COPIED) {
            String value = attachment.field(name);
            if (value != null && describe.field(name).map(field -> field.createable()).orElse(false)) {
                fields.put(name, value);
            }
        }
        String newId;
        try {
            newId = org.insertWithBody(OBJECT, fields, "Body", attachment.fileName(), attachment.body().size(),
                    () -> bodies.open(attachment.body().id()));
        } catch (SalesforceException rejected) {
            return done(attachment, null, RestoreAction.RECREATE, List.of(), "FAILED", rejected.errorCode(), rejected.getMessage(), 0, calls + 1);
        }
        idMap.recreated(job.policyId(), job.targetConnectionId(), OBJECT, Map.of(attachment.id(), newId), job.runId(), clock.instant());
        return done(attachment, newId, RestoreAction.RECREATE, List.of("Body"), "OK", null, "new Attachment on " + parent,
                attachment.body().size(), calls + 1);
    }

    private String parentInTarget(String parent) {
        String restored = restoredParents.get(parent);
        return restored != null ? restored
                : idMap.targets(job.policyId(), job.targetConnectionId(), List.of(parent)).getOrDefault(parent, parent);
    }

    /** Which of the ids are Attachments (not deleted) in the target. */
    private Set<String> existing(List<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> valid = ids.stream().filter(id -> RECORD_ID.matcher(id).matches()).toList();
        if (valid.isEmpty()) {
            return found;
        }
        try (RestQuery<ObjectNode> rows = org.query("SELECT Id FROM Attachment WHERE Id IN ('" + String.join("','", valid) + "')")) {
            rows.forEachRemaining(row -> found.add(row.path("Id").asText()));
        }
        Map<String, String> byShortId = new HashMap<>();
        found.forEach(id -> byShortId.put(id.substring(0, 15), id));
        ids.stream().filter(id -> id.length() == 15 && byShortId.containsKey(id)).forEach(found::add);
        return found;
    }

    private ContentVersionRestore.Restored skipped(Chosen attachment, String why, long calls) {
        return done(attachment, null, RestoreAction.SKIP, List.of(), job.dryRun() ? "PLANNED" : "OK", null, why, 0, calls);
    }

    private static ContentVersionRestore.Restored done(Chosen attachment, String targetId, RestoreAction action, List<String> fields,
            String status, String code, String message, long bytes, long calls) {
        return new ContentVersionRestore.Restored(new RestoreReportLine(OBJECT, attachment.id(), targetId, action, fields, status, code,
                message, List.of()), bytes, calls, false);
    }
}
