package dev.sfbackup.session.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.repository.TaskRepository;
import dev.sfbackup.session.service.SessionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Stores the org's describeGlobal and the describe of every object of the run as metadata of a restore point. */
@ApplicationScoped
public class MetadataTaskExecutor {

    private final StorageClient storage;
    private final TaskProgress progress;
    private final TaskRepository tasks;
    private final SessionJournal journal;
    private final ObjectMapper json;
    private final ReconnectWait reconnectWait;

    public MetadataTaskExecutor(StorageClient storage, TaskProgress progress, TaskRepository tasks, SessionJournal journal,
            ObjectMapper json, ReconnectWait reconnectWait) {
        this.storage = storage;
        this.progress = progress;
        this.tasks = tasks;
        this.journal = journal;
        this.json = json;
        this.reconnectWait = reconnectWait;
    }

    TaskOutcome run(TaskContext context) {
        ClaimedTask task = context.task();
        if (context.policy().repositoryId() == null) {
            return TaskOutcome.warning("metadata not backed up: the policy names no repository to store it in");
        }
        RestorePointView point = storage.open(new OpenRestorePoint(task.policyId(), task.sessionId(), context.orgId(), null,
                RestorePointKind.FULL, null, context.policy().repositoryId(),
                context.policy().connectionId()));
        progress.pointOpened(task.taskId(), point.id(), point.kind().name(), null);
        List<String> objects = tasks.objectsOfRun(task.runId(), SessionType.DATA);
        CacheNotice cacheNotice = new CacheNotice(storage, journal, task, point.id());
        try {
            try {
                storeAll(context, point, objects, cacheNotice, 0);
            } catch (RemoteCallRejected rejected) {
                if (!rejected.isProblem(CacheProblemTypes.TRANSFER_RESTARTED)) {
                    throw rejected;
                }
                journal.warn(task.sessionId(), task.taskId(), "the repository was lost during METADATA restore point " + point.id()
                        + "; every package is sent again, into the backup cache: " + rejected.getMessage());
                storeAll(context, point, objects, cacheNotice, objects.size() + 1);
            }
        } catch (RemoteCallRejected rejected) {
            discard(point);
            if (rejected.status() == 404 || rejected.status() == 405) {
                return TaskOutcome.warning("metadata not backed up: storage-service does not accept metadata ("
                        + rejected.getMessage() + "); the METADATA restore point was discarded");
            }
            throw rejected;
        } catch (RuntimeException failure) {
            discard(point);
            throw failure;
        }
        cacheNotice.committed(storage.commit(point.id(), new CommitRestorePoint(null, null)));
        String summary = "METADATA restore point " + point.id() + " committed: describeGlobal and " + objects.size()
                + " object describes";
        journal.info(task.sessionId(), task.taskId(), summary);
        return TaskOutcome.success(summary);
    }

    /** One pass over the packages; seq continues the progress sequence of an earlier, restarted pass. */
    private int storeAll(TaskContext context, RestorePointView point, List<String> objects, CacheNotice cacheNotice, int seq) {
        int first = seq;
        seq = store(context, point, "describeGlobal.json", context.org().describeGlobal(), seq, cacheNotice, first);
        for (String object : objects) {
            seq = store(context, point, "sobjects/" + object + ".json", context.org().describe(object), seq, cacheNotice, first);
        }
        return seq;
    }

    private int store(TaskContext context, RestorePointView point, String name, Object describe, int seq, CacheNotice cacheNotice,
            int firstOfPass) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(describe);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ClaimedTask task = context.task();
        JsonNode stored = reconnectWait.upload(() -> storage.putMetadata(point.id(), name, body),
                waiting -> journal.warn(task.sessionId(), task.taskId(), "metadata " + name + ": " + waiting),
                () -> progress.shouldStop(task.taskId(), context.instanceId()));
        cacheNotice.stored(stored, seq - firstOfPass);
        Optional<String> stop = progress.batchStored(context.task().taskId(), context.instanceId(), seq + 1, null, 0, null,
                body.length, 1);
        if (stop.isPresent()) {
            throw new TaskInterrupted(stop.get());
        }
        return seq + 1;
    }

    private void discard(RestorePointView point) {
        try {
            storage.discard(point.id());
        } catch (RuntimeException ignored) {
            // never committed, so never visible to readers
        }
    }
}
