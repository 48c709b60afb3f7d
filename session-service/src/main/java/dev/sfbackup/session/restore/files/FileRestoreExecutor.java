package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskInterrupted;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.RestoreTaskKind;
import dev.sfbackup.session.restore.execute.StoredRecords;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RESTORE_FILES task of a restore that asked for files: after every record task (so parents exist under their
 * target ids), it chooses the stored ContentVersions ({@link FileChoice}) and puts them back a few at a time
 * ({@link ContentVersionRestore}), then the Attachments ({@link AttachmentChoice}, {@link AttachmentRestore}), one report
 * line each. A resumed attempt goes over them again: what the killed one
 * uploaded is the latest version of its document (through the id map) and counts UNCHANGED.
 */
@ApplicationScoped
public class FileRestoreExecutor implements TaskExecutor {

    static final int CHUNK = 20;

    private final RestoreJobs jobs;
    private final StoredRecords stored;
    private final StoredFileBodies bodies;
    private final RestoredParents parents;
    private final RestoreIdMap idMap;
    private final RestoreReport report;
    private final StorageClient storage;
    private final PolicyClient policies;
    private final SalesforceConnections connections;
    private final Clock clock;

    public FileRestoreExecutor(RestoreJobs jobs, StoredRecords stored, StoredFileBodies bodies, RestoredParents parents,
            RestoreIdMap idMap, RestoreReport report, StorageClient storage, PolicyClient policies,
            SalesforceConnections connections, Clock clock) {
        this.jobs = jobs;
        this.stored = stored;
        this.bodies = bodies;
        this.parents = parents;
        this.idMap = idMap;
        this.report = report;
        this.storage = storage;
        this.policies = policies;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return RestoreTaskKind.RESTORE_FILES.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask task, TaskContext context) {
        RestoreJob job = jobs.find(task.runId()).orElseThrow(() -> new TaskInterrupted("restore " + task.runId() + " is gone"));
        RestoreRequest.Files files = jobs.request(task.runId()).map(RestoreRequest::files).orElse(null);
        if (files == null) {
            return TaskOutcome.success("no files asked for");
        }
        SalesforceConnection org = connections.connect(policies.credentials(job.targetConnectionId()));
        context.checkBudget(org);
        SObjectDescribe describe = org.describe(ContentVersionRestore.OBJECT);
        context.record(Progress.apiCalls(1));
        Map<String, PolicyFileView> storedBodies = new HashMap<>();
        bodies.asOf(job.policyId(), job.asOf()).forEach(body -> storedBodies.put(body.sourceId(), body));
        Map<String, String> restoredParents = parents.of(task.runId());
        List<String> unknown = new ArrayList<>();
        List<FileToRestore> chosen = new FileChoice(storedBodies, versions(job)).choose(files, restoredParents.keySet(), unknown);
        report.write(task.runId(), task.taskId(), unknown.stream().map(id -> new RestoreReportLine(ContentVersionRestore.OBJECT, id, null,
                RestoreAction.SKIP, List.of(), job.dryRun() ? "PLANNED" : "OK", null,
                "no ContentVersion or ContentDocument with this id was backed up by " + job.asOf(), List.of())).toList());
        ContentVersionRestore restore = new ContentVersionRestore(job, org, describe, bodies::open, idMap, restoredParents, clock);
        Tally tally = new Tally();
        tally.skipped += unknown.size();
        for (int from = 0; from < chosen.size(); from += CHUNK) {
            context.checkBudget(org);
            List<ContentVersionRestore.Restored> done = restore.restore(chosen.subList(from, Math.min(chosen.size(), from + CHUNK)));
            report.write(task.runId(), task.taskId(), done.stream().map(ContentVersionRestore.Restored::line).toList());
            context.record(tally.add(done));
        }
        restoreAttachments(task, context, job, files, org, storedBodies, restoredParents, tally);
        return tally.outcome(job);
    }

    /** The Attachments asked for (by id, or as files of the records written), after the ContentVersions. */
    private void restoreAttachments(ClaimedTask task, TaskContext context, RestoreJob job, RestoreRequest.Files files,
            SalesforceConnection org, Map<String, PolicyFileView> stored, Map<String, String> restoredParents, Tally tally) {
        List<String> unknown = new ArrayList<>();
        List<AttachmentRestore.Chosen> chosen = new AttachmentChoice(stored, records(job, AttachmentRestore.OBJECT))
                .choose(files, restoredParents.keySet(), unknown);
        report.write(task.runId(), task.taskId(), unknown.stream().map(id -> new RestoreReportLine(AttachmentRestore.OBJECT, id, null,
                RestoreAction.SKIP, List.of(), job.dryRun() ? "PLANNED" : "OK", null,
                "no Attachment with this id was backed up by " + job.asOf(), List.of())).toList());
        tally.skipped += unknown.size();
        if (chosen.isEmpty()) {
            return;
        }
        SObjectDescribe describe = org.describe(AttachmentRestore.OBJECT);
        context.record(Progress.apiCalls(1));
        AttachmentRestore restore = new AttachmentRestore(job, org, bodies::open, idMap, restoredParents, clock);
        for (int from = 0; from < chosen.size(); from += CHUNK) {
            context.checkBudget(org);
            List<ContentVersionRestore.Restored> done = restore.restore(chosen.subList(from, Math.min(chosen.size(), from + CHUNK)), describe);
            report.write(task.runId(), task.taskId(), done.stream().map(ContentVersionRestore.Restored::line).toList());
            context.record(tally.add(done));
        }
    }

    /** The stored ContentVersion records as of the point, by id; none when the policy did not keep them. */
    private Map<String, ObjectNode> versions(RestoreJob job) {
        return records(job, ContentVersionRestore.OBJECT);
    }

    /** The object's stored records as of the point, by id; none when the policy did not keep them. */
    private Map<String, ObjectNode> records(RestoreJob job, String object) {
        Map<String, ObjectNode> records = new HashMap<>();
        if (storage.backedUpObjects(job.policyId()).contains(object)) {
            stored.forEach(job, object, record -> true, record -> records.put(record.path("Id").asText(), record));
        }
        return records;
    }

    /** What the task did, for its counters and its outcome. */
    private static final class Tally {
        long written;
        long failed;
        long skipped;
        long unlinked;

        Progress add(List<ContentVersionRestore.Restored> done) {
            long recreated = 0;
            long versions = 0;
            long unchanged = 0;
            long bytes = 0;
            long calls = 0;
            for (ContentVersionRestore.Restored each : done) {
                RestoreReportLine line = each.line();
                bytes += each.bytes();
                calls += each.apiCalls();
                unlinked += each.linkMissing() ? 1 : 0;
                if ("FAILED".equals(line.status())) {
                    failed++;
                } else if (line.action() == RestoreAction.RECREATE) {
                    recreated++;
                    written++;
                } else if (line.action() == RestoreAction.UPDATE) {
                    versions++;
                    written++;
                } else if (line.action() == RestoreAction.UNCHANGED) {
                    unchanged++;
                } else {
                    skipped++;
                }
            }
            return new Progress(done.size(), recreated, versions, 0, unchanged, bytes, calls);
        }

        TaskOutcome outcome(RestoreJob job) {
            String summary = "files: " + written + (job.dryRun() ? " would be uploaded" : " uploaded") + ", " + failed
                    + " rejected by Salesforce, " + skipped + " skipped, " + unlinked + " not linked to their record (see the report)";
            if (failed > 0 && written == 0) {
                return TaskOutcome.error(summary);
            }
            return failed > 0 || skipped > 0 || unlinked > 0 ? TaskOutcome.warning(summary) : TaskOutcome.success(summary);
        }
    }
}
