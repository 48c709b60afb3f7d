package dev.sfbackup.session.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
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
 * content). Incremental runs take only versions modified since the policy's previous successful file task.
 */
@ApplicationScoped
public class FileTaskExecutor {

    private static final String OBJECT = RunPlanner.FILES_TASK;

    private final StorageClient storage;
    private final TaskProgress progress;
    private final TaskRepository tasks;
    private final SessionJournal journal;
    private final BackupConfig config;

    public FileTaskExecutor(StorageClient storage, TaskProgress progress, TaskRepository tasks, SessionJournal journal,
            BackupConfig config) {
        this.storage = storage;
        this.progress = progress;
        this.tasks = tasks;
        this.journal = journal;
        this.config = config;
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
                since.isPresent() ? RestorePointKind.INCREMENTAL : RestorePointKind.INITIAL, null, context.policy().repositoryId()));
        progress.pointOpened(task.taskId(), point.id(), point.kind().name(), null);
        int stored = 0;
        try {
            RestQuery versions = context.org().query(soql(describe, since));
            while (versions.hasNext()) {
                ObjectNode version = versions.next();
                long bytes = storeBody(context, point, version);
                stored++;
                Optional<String> stop = progress.batchStored(task.taskId(), context.instanceId(), stored, version.path("Id").asText(),
                        1, null, bytes, 1);
                if (stop.isPresent()) {
                    throw new TaskInterrupted(stop.get());
                }
                context.budget().check();
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
        storage.commit(point.id(), new CommitRestorePoint(null, null));
        String summary = "FILE restore point " + point.id() + " committed with " + stored + " file bodies"
                + since.map(from -> " modified since " + from).orElse("");
        journal.info(task.sessionId(), task.taskId(), summary);
        return TaskOutcome.success(summary);
    }

    private long storeBody(TaskContext context, RestorePointView point, ObjectNode version) {
        String id = version.path("Id").asText();
        String name = version.path("PathOnClient").asText(version.path("Title").asText(id));
        try (InputStream body = context.org().openBlob(OBJECT, id, "VersionData")) {
            JsonNode file = storage.putFile(point.id(), id, name, "application/octet-stream", body);
            return file.path("size").asLong(0);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the body of ContentVersion " + id, e);
        }
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
