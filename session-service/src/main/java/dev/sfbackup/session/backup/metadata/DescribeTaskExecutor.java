package dev.sfbackup.session.backup.metadata;

import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.BackupTaskKind;
import dev.sfbackup.session.backup.BackupTaskResolver;
import dev.sfbackup.session.backup.metadata.DescribePackages.DescribePackage;
import dev.sfbackup.session.backup.persistence.MetadataPackages;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Reads one object's describe (or the describeGlobal) and keeps it for its session's METADATA restore point, which the
 * session's last task stores. Each describe is a task of its own, so an object whose describe fails (the org answers
 * QUERY_TIMEOUT for it) ends only its own task in ERROR: the session ends WARNING and every other describe is stored.
 */
@ApplicationScoped
public class DescribeTaskExecutor implements TaskExecutor {

    private final BackupTaskResolver resolver;
    private final DescribePackages describes;
    private final MetadataPackages packages;
    private final Clock clock;

    public DescribeTaskExecutor(BackupTaskResolver resolver, DescribePackages describes, MetadataPackages packages, Clock clock) {
        this.resolver = resolver;
        this.describes = describes;
        this.packages = packages;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return BackupTaskKind.BACKUP_DESCRIBE.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask claim, TaskContext context) {
        BackupTask task = resolver.resolve(claim, context);
        if (task.policy().repositoryId() == null) {
            return TaskOutcome.warning(claim.object() + ": metadata not backed up: the policy names no repository to store it in");
        }
        DescribePackage read = describes.read(task.org(), claim.object());
        packages.stage(claim.sessionId(), read.name(), read.body(), clock.instant());
        context.record(new Progress(1, 0, 0, 0, 0, 0, 1));
        return TaskOutcome.success(claim.object() + ": describe read (" + read.body().length
                + " bytes), kept for the session's METADATA restore point");
    }
}
