package dev.sfbackup.session.backup.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.CacheProblemTypes;
import dev.sfbackup.session.backup.BackupProgress;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.BackupTaskKind;
import dev.sfbackup.session.backup.BackupTaskResolver;
import dev.sfbackup.session.backup.PointDiscards;
import dev.sfbackup.session.backup.metadata.DescribePackages.DescribePackage;
import dev.sfbackup.session.backup.persistence.MetadataPackages;
import dev.sfbackup.session.backup.planning.RunPlanner;
import dev.sfbackup.session.backup.upload.CacheNotice;
import dev.sfbackup.session.backup.upload.ReconnectWait;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The METADATA session's last task: stores every describe its describe tasks read into one restore point and commits
 * it. It runs once they all ended (it is planned a stage after them); a describe that failed is simply not in the
 * point. Without this task the session has nothing, so its ERROR fails the session. The packages are deleted once
 * stored; those of a session that ended before storing them are deleted by the next such task.
 */
@ApplicationScoped
public class MetadataTaskExecutor implements TaskExecutor {

    private final BackupTaskResolver resolver;
    private final StorageClient storage;
    private final BackupProgress progress;
    private final MetadataPackages packages;
    private final DescribePackages describes;
    private final TaskRepository tasks;
    private final ReconnectWait reconnectWait;
    private final Clock clock;

    private final PointDiscards discards;

    public MetadataTaskExecutor(BackupTaskResolver resolver, StorageClient storage, BackupProgress progress,
            MetadataPackages packages, DescribePackages describes, TaskRepository tasks, ReconnectWait reconnectWait, Clock clock,
            PointDiscards discards) {
        this.discards = discards;
        this.resolver = resolver;
        this.storage = storage;
        this.progress = progress;
        this.packages = packages;
        this.describes = describes;
        this.tasks = tasks;
        this.reconnectWait = reconnectWait;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return BackupTaskKind.BACKUP_METADATA.name();
    }

    @Override
    public boolean errorFailsSession() {
        return true;
    }

    @Override
    public TaskOutcome execute(ClaimedTask claim, TaskContext context) {
        packages.forgetFinishedSessions();
        BackupTask task = resolver.resolve(claim, context);
        if (task.policy().repositoryId() == null) {
            packages.forget(claim.sessionId());
            return TaskOutcome.warning("metadata not backed up: the policy names no repository to store it in");
        }
        long describeTasks = tasks.countInSession(claim.sessionId(), BackupTaskKind.BACKUP_DESCRIBE.name());
        if (describeTasks == 0) {
            stageWithoutDescribeTasks(task);
        }
        List<String> names = packages.names(claim.sessionId());
        if (names.isEmpty()) {
            return TaskOutcome.error("no describe of the session could be read (see its tasks); no METADATA restore point");
        }
        return store(task, names, describeTasks == 0 ? names.size() : describeTasks);
    }

    private TaskOutcome store(BackupTask task, List<String> names, long describesPlanned) {
        RestorePointView point = discards.openOrDiscard(new OpenRestorePoint(UUID.randomUUID(), task.policy().id(),
                task.sessionId(), task.orgId(), null, RestorePointKind.FULL, null, task.policy().repositoryId(),
                task.policy().connectionId()));
        progress.pointOpened(task, point.id(), point.kind().name(), null);
        CacheNotice cacheNotice = new CacheNotice(storage, task.context(), point.id());
        try {
            try {
                storeAll(task, point, names, cacheNotice, 0);
            } catch (RemoteCallRejected rejected) {
                if (!rejected.isProblem(CacheProblemTypes.TRANSFER_RESTARTED)) {
                    throw rejected;
                }
                task.context().warn("the repository was lost during METADATA restore point " + point.id()
                        + "; every package is sent again, into the backup cache: " + rejected.getMessage());
                storeAll(task, point, names, cacheNotice, names.size() + 1);
            }
        } catch (RemoteCallRejected rejected) {
            discard(point);
            if (rejected.status() == 404 || rejected.status() == 405) {
                packages.forget(task.sessionId());
                return TaskOutcome.warning("metadata not backed up: storage-service does not accept metadata ("
                        + rejected.getMessage() + "); the METADATA restore point was discarded");
            }
            throw rejected;
        } catch (RuntimeException failure) {
            discard(point);
            throw failure;
        }
        cacheNotice.committed(discards.commitOrDiscard(point.id(), new CommitRestorePoint(null, null)));
        packages.forget(task.sessionId());
        long missing = describesPlanned - names.size();
        String summary = "METADATA restore point " + point.id() + " committed with " + names.size() + " describes"
                + (missing > 0 ? "; " + missing + " could not be read (see their tasks)" : "");
        task.context().info(summary);
        return TaskOutcome.success(summary);
    }

    /** One pass over the packages; seq continues the progress sequence of an earlier, restarted pass. */
    private void storeAll(BackupTask task, RestorePointView point, List<String> names, CacheNotice cacheNotice, int seq) {
        int first = seq;
        for (String name : names) {
            byte[] body = packages.body(task.sessionId(), name);
            JsonNode stored = reconnectWait.upload(() -> storage.putMetadata(point.id(), name, body),
                    waiting -> task.context().warn("metadata " + name + ": " + waiting), task.context()::reasonToStop);
            cacheNotice.stored(stored, seq - first);
            progress.batchStored(task, ++seq, null, new Progress(0, 0, 0, 0, 0, body.length, 0));
        }
    }

    /**
     * A session planned before describes were tasks of their own has only this task: it reads the describeGlobal and
     * the describe of every object of the run itself, as it did then.
     */
    private void stageWithoutDescribeTasks(BackupTask task) {
        List<String> objects = new ArrayList<>(List.of(RunPlanner.DESCRIBE_GLOBAL));
        objects.addAll(tasks.objectsOfRun(task.claim().runId(), BackupTaskKind.BACKUP_DATA.name()));
        for (String object : objects) {
            DescribePackage read = describes.read(task.org(), object);
            packages.stage(task.sessionId(), read.name(), read.body(), clock.instant());
            task.context().record(Progress.apiCalls(1));
        }
    }

    /** Never committed, so never visible to readers; a discard storage-service cannot take now is retried later. */
    private void discard(RestorePointView point) {
        discards.discard(point.id());
    }
}
