package dev.sfbackup.session.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
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

    public MetadataTaskExecutor(StorageClient storage, TaskProgress progress, TaskRepository tasks, SessionJournal journal,
            ObjectMapper json) {
        this.storage = storage;
        this.progress = progress;
        this.tasks = tasks;
        this.journal = journal;
        this.json = json;
    }

    TaskOutcome run(TaskContext context) {
        ClaimedTask task = context.task();
        if (context.policy().repositoryId() == null) {
            return TaskOutcome.warning("metadata not backed up: the policy names no repository to store it in");
        }
        RestorePointView point = storage.open(new OpenRestorePoint(task.policyId(), task.sessionId(), context.orgId(), null,
                RestorePointKind.FULL, null, context.policy().repositoryId()));
        progress.pointOpened(task.taskId(), point.id(), point.kind().name(), null);
        List<String> objects = tasks.objectsOfRun(task.runId(), SessionType.DATA);
        int seq = 0;
        try {
            seq = store(context, point, "describeGlobal.json", context.org().describeGlobal(), seq);
            for (String object : objects) {
                seq = store(context, point, "sobjects/" + object + ".json", context.org().describe(object), seq);
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
        storage.commit(point.id(), new CommitRestorePoint(null, null));
        String summary = "METADATA restore point " + point.id() + " committed: describeGlobal and " + objects.size()
                + " object describes";
        journal.info(task.sessionId(), task.taskId(), summary);
        return TaskOutcome.success(summary);
    }

    private int store(TaskContext context, RestorePointView point, String name, Object describe, int seq) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(describe);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        storage.putMetadata(point.id(), name, body);
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
