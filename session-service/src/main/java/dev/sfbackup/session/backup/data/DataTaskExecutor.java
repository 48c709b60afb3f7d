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

/**
 * Backs up one object into one restore point. INITIAL: every record. INCREMENTAL: records whose incremental field is
 * past the stored watermark (minus an overlap) plus deletions. FULL (no incremental field): every record, then
 * end-of-full-scan so absent records become tombstones; a FULL point that changed nothing is discarded. Planning the
 * read, the point's lifecycle, the copy, the deletions and the QUERY_TIMEOUT retries each have their own class.
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
        RestorePointView point = points.resumableOrOpen(task, plan);
        if (point.state() == RestorePointState.COMMITTED) {
            return TaskOutcome.success(task.object() + ": restore point " + point.id() + " was committed before a restart");
        }
        boolean resuming = points.continuesEarlierAttempt(task, point);
        try (DeletionSync.Lookup deleted = deletions.lookUp(task, plan)) {
            Instant newestChange = copy.readAndStore(task, plan, segments, point, resuming);
            deleted.storeInto(point);
            return points.finish(task, plan, point, newestChange, retried);
        } catch (RuntimeException failure) {
            points.discardQuietly(task, point);
            throw failure;
        }
    }
}
