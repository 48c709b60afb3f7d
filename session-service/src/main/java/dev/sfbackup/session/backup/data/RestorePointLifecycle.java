package dev.sfbackup.session.backup.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.session.backup.BackupProgress;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.PointDiscards;
import dev.sfbackup.session.backup.ResumePoint;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.TaskCounters;
import dev.sfbackup.session.engine.TaskOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A data task's restore point from open to commit: reuses the point an earlier attempt began when its read can go on
 * (a REST read, ordered by Id) or was already committed, else opens a fresh one; commits it with the new watermark,
 * discards a FULL point that changed nothing, and discards an unfinished point after a failure.
 */
@ApplicationScoped
public class RestorePointLifecycle {

    private final StorageClient storage;
    private final BackupProgress progress;
    private final ObjectMapper json;
    private final PointDiscards discards;

    public RestorePointLifecycle(StorageClient storage, BackupProgress progress, ObjectMapper json, PointDiscards discards) {
        this.discards = discards;
        this.storage = storage;
        this.progress = progress;
        this.json = json;
    }

    /**
     * The point an earlier attempt began, when its read can go on (a REST read, ordered by Id) or it was already
     * committed; else a fresh one. An incremental read's fresh point is opened only when the read has something to
     * store: an object that did not change since its latest point needs no new one (see {@link UnchangedRead} and
     * {@link #unchanged}).
     */
    PointOnDemand resumableOrOpen(BackupTask task, ReadPlan plan) {
        Optional<RestorePointView> resumed = resumable(task, plan);
        if (resumed.isPresent()) {
            return PointOnDemand.open(resumed.get());
        }
        if (plan.kind() == RestorePointKind.INCREMENTAL) {
            // counted from now: what the read counts before it opens the point belongs to it
            task.context().restartCounters();
            return PointOnDemand.onFirstUse(() -> open(task, plan, false));
        }
        return PointOnDemand.open(open(task, plan, true));
    }

    private Optional<RestorePointView> resumable(BackupTask task, ReadPlan plan) {
        ResumePoint resume = task.resume();
        if (!resume.isResumed() || !plan.kind().name().equals(resume.pointKind())) {
            return Optional.empty();
        }
        Optional<RestorePointView> previous = storage.point(resume.restorePointId());
        boolean committed = previous.isPresent() && previous.get().state() == RestorePointState.COMMITTED;
        boolean openRestRead = previous.isPresent() && previous.get().state() == RestorePointState.OPEN && !plan.bulk();
        if (committed || openRestRead) {
            task.context().info(task.object() + ": resuming restore point " + resume.restorePointId() + " after batch "
                    + resume.lastBatchSeq());
            return previous;
        }
        if (previous.isPresent() && previous.get().state() == RestorePointState.OPEN) {
            // Bulk results come in no stable order, so a bulk read restarts from scratch in a fresh point.
            discardQuietly(task, previous.get());
        }
        return Optional.empty();
    }

    private RestorePointView open(BackupTask task, ReadPlan plan, boolean restartCounters) {
        Map<String, Object> schema = json.convertValue(plan.describe(), json.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
        RestorePointView point = discards.openOrDiscard(new OpenRestorePoint(UUID.randomUUID(), task.policy().id(),
                task.sessionId(), task.orgId(), task.object(), plan.kind(), schema, task.policy().repositoryId(),
                task.policy().connectionId()));
        if (restartCounters) {
            progress.pointOpened(task, point.id(), plan.kind().name(), plan.incrementalField());
        } else {
            progress.pointOpenedDuringRead(task, point.id(), plan.kind().name(), plan.incrementalField());
        }
        return point;
    }

    /** Whether the read goes on after the batches an earlier attempt stored into this point. */
    public boolean continuesEarlierAttempt(BackupTask task, RestorePointView point) {
        ResumePoint resume = task.resume();
        return resume.isResumed() && point.id().equals(resume.restorePointId()) && resume.lastBatchSeq() > 0;
    }

    /**
     * Commits the point with the newer of the previous watermark and the newest change read; a FULL point first ends
     * its full scan (absent records become tombstones) and is discarded when it changed nothing.
     */
    public TaskOutcome finish(BackupTask task, ReadPlan plan, RestorePointView point, Instant newestChange, boolean retried) {
        if (plan.kind() == RestorePointKind.FULL) {
            BatchResult scan = storage.endOfFullScan(point.id());
            // every record is stored: the point is finished even when a stop came in meanwhile
            task.context().recordAndAsk(BackupProgress.of(0, scan, 0, 0));
            if (task.context().counters().changes() == 0) {
                storage.discard(point.id());
                task.context().info(task.object() + ": unchanged since the latest restore point; no FULL restore point kept");
                return TaskOutcome.success(task.object() + ": unchanged");
            }
        }
        Instant watermark = newestChange == null || plan.previousWatermark() != null && plan.previousWatermark().isAfter(newestChange)
                ? plan.previousWatermark() : newestChange;
        RestorePointView committed = storage.commit(point.id(), new CommitRestorePoint(plan.incrementalField(),
                plan.incrementalField() == null ? null : watermark));
        TaskCounters counters = task.context().counters();
        String summary = task.object() + ": " + plan.kind() + " restore point " + committed.id() + " committed ("
                + counters.describe() + ")";
        task.context().info(summary);
        return retried ? TaskOutcome.warning(summary + " after QUERY_TIMEOUT retries with smaller chunks")
                : TaskOutcome.success(summary);
    }

    /**
     * An incremental read that found nothing new (no record, or only records stored as they are) and no deletion: the
     * object's latest restore point still holds it, and a read as of this run's time finds it there, so no point is
     * opened and the watermark stays.
     */
    public TaskOutcome unchanged(BackupTask task) {
        task.context().info(task.object() + ": nothing new since its latest restore point (" + task.context().counters().describe()
                + "), which still holds it; no new restore point");
        return TaskOutcome.success(task.object() + ": unchanged");
    }

    /** After a failure: the point was never committed, so readers never see it; discarding frees it at once. */
    public void discardQuietly(BackupTask task, RestorePointView point) {
        discards.discard(point.id()).ifPresent(error -> task.context().warn(task.object() + ": could not discard the"
                + " unfinished restore point " + point.id() + " (" + error + "); it was never committed, so readers never"
                + " see it, and it is discarded as soon as storage-service answers"));
    }
}
