package dev.sfbackup.session.restore.execute;

import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.restore.RestoreTaskKind;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A restore's last step: gives back the leases on the restore points it read, so retention may remove them again. A
 * restore that never gets here (stopped, failed) leaves its leases to expire.
 */
@ApplicationScoped
public class LeaseReleaseExecutor implements TaskExecutor {

    private final RestoreJobs jobs;
    private final StorageClient storage;

    public LeaseReleaseExecutor(RestoreJobs jobs, StorageClient storage) {
        this.jobs = jobs;
        this.storage = storage;
    }

    @Override
    public String kind() {
        return RestoreTaskKind.RESTORE_RELEASE.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask task, TaskContext context) {
        int released = 0;
        for (RestoreJobs.Lease lease : jobs.leases(task.runId())) {
            storage.release(lease.restorePointId(), lease.leaseId());
            jobs.released(task.runId(), lease.restorePointId());
            released++;
        }
        return TaskOutcome.success(released + " restore point leases released");
    }
}
