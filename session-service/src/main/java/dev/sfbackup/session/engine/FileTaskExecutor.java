package dev.sfbackup.session.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceDateTime;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.planning.RunPlanner;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.SessionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Streams the bodies of the latest ContentVersions into the run's FILE restore point (storage deduplicates by
 * content). Incremental runs take only versions modified since the policy's previous successful file task. An upload
 * storage asks to retry later waits (the repository's reconnect window); when storage restarts the point's transfer
 * (its LOCAL repository was lost, the point moved to the backup cache) every body is sent again from the first.
 */
@ApplicationScoped
public class FileTaskExecutor {

    private static final String OBJECT = RunPlanner.FILES_TASK;

    private final StorageClient storage;
    private final TaskProgress progress;
    private final TaskRepository tasks;
    private final SessionJournal journal;
    private final BackupConfig config;
    private final ReconnectWait reconnectWait;

    public FileTaskExecutor(StorageClient storage, TaskProgress progress, TaskRepository tasks, SessionJournal journal,
            BackupConfig config, ReconnectWait reconnectWait) {
        this.storage = storage;
        this.progress = progress;
        this.tasks = tasks;
        this.journal = journal;
        this.config = config;
        this.reconnectWait = reconnectWait;
    }

    TaskOutcome run(TaskContext context) {
        ClaimedTask task = context.task();
        if (context.policy().repositoryId() == null) {
            return TaskOutcome.warning("files not backed up: the policy names no repository to store them in");
        }
        SObjectDescribe describe = context.org().describe(OBJECT);
        Optional<Instant> since = tasks.lastSuccessStart(task.policyId(), SessionType.FILE, OBJECT)
                .map(start -> start.minus(config.engine().incrementalOverlap()));
        RestorePointView point = storage.open(new OpenRestorePoint(task.policyId(), task.sessionId(), context.orgId(), null,
                since.isPresent() ? RestorePointKind.INCREMENTAL : RestorePointKind.INITIAL, null, context.policy().repositoryId(),
                context.policy().connectionId()));
        progress.pointOpened(task.taskId(), point.id(), point.kind().name(), null);
        CacheNotice cacheNotice = new CacheNotice(storage, journal, task, point.id());
        Uploads uploads = new Uploads();
        try {
            try {
                storeAll(context, describe, since, point, cacheNotice, uploads);
            } catch (RemoteCallRejected rejected) {
                if (!rejected.isProblem(CacheProblemTypes.TRANSFER_RESTARTED)) {
                    throw rejected;
                }
                journal.warn(task.sessionId(), task.taskId(), "the repository was lost during FILE restore point " + point.id()
                        + " after " + uploads.inPass + " file bodies; every file body is sent again, into the backup cache: "
                        + rejected.getMessage());
                storeAll(context, describe, since, point, cacheNotice, uploads);
            }
        } catch (RemoteCallRejected rejected) {
            discard(point);
            if (rejected.status() == 404 || rejected.status() == 405) {
                return TaskOutcome.warning("files not backed up: storage-service does not accept file bodies ("
                        + rejected.getMessage() + "); the FILE restore point was discarded");
            }
            throw rejected;
        } catch (RuntimeException failure) {
            discard(point);
            throw failure;
        }
        cacheNotice.committed(storage.commit(point.id(), new CommitRestorePoint(null, null)));
        String summary = "FILE restore point " + point.id() + " committed with " + uploads.inPass + " file bodies"
                + since.map(from -> " modified since " + from).orElse("");
        journal.info(task.sessionId(), task.taskId(), summary);
        return TaskOutcome.success(summary);
    }

    /** Uploads so far: in the current pass over the files, and in all passes (the progress sequence). */
    private static final class Uploads {
        int inPass;
        int total;
    }

    /** One pass over the versions to back up; a transfer restarted by storage makes a second pass from the first file. */
    private void storeAll(TaskContext context, SObjectDescribe describe, Optional<Instant> since, RestorePointView point,
            CacheNotice cacheNotice, Uploads uploads) {
        ClaimedTask task = context.task();
        uploads.inPass = 0;
        try (RestQuery<ObjectNode> versions = context.org().query(soql(describe, since))) {
            while (versions.hasNext()) {
                ObjectNode version = versions.next();
                JsonNode file = storeBody(context, point, version);
                cacheNotice.stored(file, uploads.inPass);
                uploads.inPass++;
                uploads.total++;
                Optional<String> stop = progress.batchStored(task.taskId(), context.instanceId(), uploads.total, version.path("Id").asText(),
                        1, null, file.path("size").asLong(0), 1);
                if (stop.isPresent()) {
                    throw new TaskInterrupted(stop.get());
                }
                context.budget().check();
            }
        }
    }

    /** The body is read from the org again for every attempt: a stream can be sent only once. */
    private JsonNode storeBody(TaskContext context, RestorePointView point, ObjectNode version) {
        String id = version.path("Id").asText();
        String name = version.path("PathOnClient").asText(version.path("Title").asText(id));
        ClaimedTask task = context.task();
        return reconnectWait.upload(() -> {
            try (InputStream body = context.org().openBlob(OBJECT, id, "VersionData")) {
                return storage.putFile(point.id(), id, name, "application/octet-stream", body);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the body of ContentVersion " + id, e);
            }
        }, waiting -> journal.warn(task.sessionId(), task.taskId(), "ContentVersion " + id + ": " + waiting),
                () -> progress.shouldStop(task.taskId(), context.instanceId()));
    }

    private static String soql(SObjectDescribe describe, Optional<Instant> since) {
        List<String> fields = new ArrayList<>(List.of("Id"));
        for (String optional : List.of("Title", "PathOnClient", "ContentSize")) {
            if (describe.field(optional).isPresent()) {
                fields.add(optional);
            }
        }
        List<String> conditions = new ArrayList<>();
        if (describe.field("IsLatest").isPresent()) {
            conditions.add("IsLatest = true");
        }
        Optional<String> modified = describe.incrementalField();
        if (since.isPresent() && modified.isPresent()) {
            conditions.add(modified.get() + " > " + SalesforceDateTime.soqlLiteral(since.get()));
        }
        return "SELECT " + String.join(", ", fields) + " FROM " + OBJECT
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY Id";
    }

    private void discard(RestorePointView point) {
        try {
            storage.discard(point.id());
        } catch (RuntimeException ignored) {
            // never committed, so never visible to readers
        }
    }
}
