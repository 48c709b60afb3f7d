package dev.sfbackup.session.backup.data;

import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.BackupTaskKind;
import dev.sfbackup.session.backup.BackupTaskResolver;
import dev.sfbackup.session.backup.read.BulkSegmentSize;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Backs up one object into one restore point. INITIAL: every record. INCREMENTAL: records whose incremental field is
 * past the stored watermark (minus an overlap) plus deletions. FULL (no incremental field): every record, then
 * end-of-full-scan so absent records become tombstones; a FULL point that changed nothing is discarded, and an
 * INCREMENTAL read that found nothing new opens no point. Planning the read, the point's lifecycle, the copy, the
 * deletions and the QUERY_TIMEOUT retries each have their own class.
 */
@ApplicationScoped
public class DataTaskExecutor implements TaskExecutor {

    private final BackupTaskResolver resolver;
    private final ReadPlanner readPlanner;
    private final TimeoutRecovery timeoutRecovery;
    private final RestorePointLifecycle points;
    private final RecordCopy copy;
    private final DeletionSync deletions;

    public DataTaskExecutor(BackupTaskResolver resolver, ReadPlanner readPlanner, TimeoutRecovery timeoutRecovery,
            RestorePointLifecycle points, RecordCopy copy, DeletionSync deletions) {
        this.resolver = resolver;
        this.readPlanner = readPlanner;
        this.timeoutRecovery = timeoutRecovery;
        this.points = points;
        this.copy = copy;
        this.deletions = deletions;
    }

    @Override
    public String kind() {
        return BackupTaskKind.BACKUP_DATA.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask claim, TaskContext context) {
        BackupTask task = resolver.resolve(claim, context);
        ReadPlan plan = readPlanner.plan(task);
        return timeoutRecovery.run(task, plan, (current, segments, retried) -> backUp(current, plan, segments, retried));
    }

    private TaskOutcome backUp(BackupTask task, ReadPlan plan, BulkSegmentSize segments, boolean retried) {
        PointOnDemand point = points.resumableOrOpen(task, plan);
        Optional<RestorePointView> committed = point.ifOpen().filter(open -> open.state() == RestorePointState.COMMITTED);
        if (committed.isPresent()) {
            return TaskOutcome.success(task.object() + ": restore point " + committed.get().id() + " was committed before a restart");
        }
        boolean resuming = point.ifOpen().filter(open -> points.continuesEarlierAttempt(task, open)).isPresent();
        try (DeletionSync.Lookup deleted = deletions.lookUp(task, plan)) {
            Instant newestChange = copy.readAndStore(task, plan, segments, point, resuming);
            deleted.storeInto(point);
            Optional<RestorePointView> written = point.ifOpen();
            return written.isPresent() ? points.finish(task, plan, written.get(), newestChange, retried) : points.unchanged(task);
        } catch (RuntimeException failure) {
            point.ifOpen().ifPresent(open -> points.discardQuietly(task, open));
            throw failure;
        }
    }
}
