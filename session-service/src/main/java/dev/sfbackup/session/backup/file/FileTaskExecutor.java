package dev.sfbackup.session.backup.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.session.backup.BackupProgress;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.BackupTaskKind;
import dev.sfbackup.session.backup.BackupTaskResolver;
import dev.sfbackup.session.backup.PointDiscards;
import dev.sfbackup.session.backup.planning.RunPlanner;
import dev.sfbackup.session.backup.upload.CacheNotice;
import dev.sfbackup.session.backup.upload.ReconnectWait;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Streams the bodies of the latest ContentVersions and of the Attachments into the run's FILE restore point (storage
 * deduplicates by content; a body is stored under its record's id, 068… or 00P…). Incremental runs take only records
 * modified since the policy's previous successful file task. An upload
 * storage asks to retry later waits (the repository's reconnect window); when storage restarts the point's transfer
 * (its LOCAL repository was lost, the point moved to the backup cache) every body is sent again from the first.
 */
@ApplicationScoped
public class FileTaskExecutor implements TaskExecutor {

    /** The task's object name, under which its last success is found (the task stores every file object's bodies). */
    private static final String OBJECT = RunPlanner.FILES_TASK;

    private final BackupTaskResolver resolver;
    private final StorageClient storage;
    private final BackupProgress progress;
    private final TaskRepository tasks;
    private final BackupConfig config;
    private final ReconnectWait reconnectWait;

    private final PointDiscards discards;

    public FileTaskExecutor(BackupTaskResolver resolver, StorageClient storage, BackupProgress progress, TaskRepository tasks,
            BackupConfig config, ReconnectWait reconnectWait, PointDiscards discards) {
        this.discards = discards;
        this.resolver = resolver;
        this.storage = storage;
        this.progress = progress;
        this.tasks = tasks;
        this.config = config;
        this.reconnectWait = reconnectWait;
    }

    @Override
    public String kind() {
        return BackupTaskKind.BACKUP_FILES.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask claim, TaskContext context) {
        BackupTask task = resolver.resolve(claim, context);
        if (task.policy().repositoryId() == null) {
            return TaskOutcome.warning("files not backed up: the policy names no repository to store them in");
        }
        List<Described> objects = describe(task);
        Optional<Instant> since = tasks.lastSuccessStart(claim.policyId(), kind(), OBJECT)
                .map(start -> start.minus(config.engine().incrementalOverlap()));
        RestorePointView point = discards.openOrDiscard(new OpenRestorePoint(UUID.randomUUID(), claim.policyId(),
                claim.sessionId(), task.orgId(), null, since.isPresent() ? RestorePointKind.INCREMENTAL : RestorePointKind.INITIAL,
                null, task.policy().repositoryId(), task.policy().connectionId()));
        progress.pointOpened(task, point.id(), point.kind().name(), null);
        CacheNotice cacheNotice = new CacheNotice(storage, context, point.id());
        Uploads uploads = new Uploads();
        try {
            try {
                storeAll(task, objects, since, point, cacheNotice, uploads);
            } catch (RemoteCallRejected rejected) {
                if (!rejected.isProblem(CacheProblemTypes.TRANSFER_RESTARTED)) {
                    throw rejected;
                }
                context.warn("the repository was lost during FILE restore point " + point.id()
                        + " after " + uploads.inPass + " file bodies; every file body is sent again, into the backup cache: "
                        + rejected.getMessage());
                storeAll(task, objects, since, point, cacheNotice, uploads);
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
        cacheNotice.committed(discards.commitOrDiscard(point.id(), new CommitRestorePoint(null, null)));
        String summary = "FILE restore point " + point.id() + " committed with " + uploads.inPass + " file bodies"
                + since.map(from -> " modified since " + from).orElse("");
        context.info(summary);
        return TaskOutcome.success(summary);
    }

    /** Uploads so far: in the current pass over the files, and in all passes (the progress sequence). */
    private static final class Uploads {
        int inPass;
        int total;
    }

    /** A file object with its describe in the org. */
    private record Described(FileObject object, SObjectDescribe describe) {
    }

    /** ContentVersion always; Attachment when the org has it (an org may hide it from the integration user). */
    private static List<Described> describe(BackupTask task) {
        List<Described> objects = new ArrayList<>();
        for (FileObject object : FileObject.ALL) {
            try {
                objects.add(new Described(object, task.org().describe(object.name())));
            } catch (SalesforceException missing) {
                if (object == FileObject.CONTENT_VERSION || missing.httpStatus() != 404) {
                    throw missing;
                }
            }
        }
        return objects;
    }

    /** One pass over the bodies to back up; a transfer restarted by storage makes a second pass from the first file. */
    private void storeAll(BackupTask task, List<Described> objects, Optional<Instant> since, RestorePointView point,
            CacheNotice cacheNotice, Uploads uploads) {
        uploads.inPass = 0;
        for (Described described : objects) {
            try (RestQuery<ObjectNode> records = task.org().query(described.object().soql(described.describe(), since))) {
                while (records.hasNext()) {
                    ObjectNode record = records.next();
                    JsonNode file = storeBody(task, point, described.object(), record);
                    cacheNotice.stored(file, uploads.inPass);
                    uploads.inPass++;
                    uploads.total++;
                    progress.batchStored(task, uploads.total, record.path("Id").asText(),
                            new Progress(1, 0, 0, 0, 0, file.path("size").asLong(0), 1));
                    task.context().checkBudget(task.org());
                }
            }
        }
    }

    /** The body is read from the org again for every attempt: a stream can be sent only once. */
    private JsonNode storeBody(BackupTask task, RestorePointView point, FileObject object, ObjectNode record) {
        String id = record.path("Id").asText();
        String name = object.fileName(record);
        return reconnectWait.upload(() -> {
            try (InputStream body = task.org().openBlob(object.name(), id, object.bodyField())) {
                return storage.putFile(point.id(), id, name, "application/octet-stream", body);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the body of " + object.name() + " " + id, e);
            }
        }, waiting -> task.context().warn(object.name() + " " + id + ": " + waiting), task.context()::reasonToStop);
    }

    /** Never committed, so never visible to readers; a discard storage-service cannot take now is retried later. */
    private void discard(RestorePointView point) {
        discards.discard(point.id());
    }
}
