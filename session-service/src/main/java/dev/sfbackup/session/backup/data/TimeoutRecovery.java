package dev.sfbackup.session.backup.data;

import dev.sfbackup.salesforce.BulkJobFailedException;
import dev.sfbackup.salesforce.QueryTimeoutException;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.BackupTaskResolver;
import dev.sfbackup.session.backup.read.BulkSegmentSize;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.backup.read.RecordSource;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a Bulk API 2.0 object again when Salesforce answers QUERY_TIMEOUT: a results download that timed out is read
 * again (into a fresh restore point) with result pages a quarter the size, at most {@value #MAX_BULK_TIMEOUT_RETRIES}
 * times; a query job that failed with QUERY_TIMEOUT is read again as one job per Id range (see
 * {@link dev.sfbackup.session.backup.read.SegmentedBulkSource}), and every later attempt goes on at the segment size
 * reached. REST reads and other failures are not retried here.
 */
@ApplicationScoped
public class TimeoutRecovery {

    static final int MAX_BULK_TIMEOUT_RETRIES = 3;

    /** One attempt at the read; segments is null while one Bulk job reads the whole object. */
    @FunctionalInterface
    public interface Attempt {
        TaskOutcome run(BackupTask task, BulkSegmentSize segments, boolean retried);
    }

    private final BackupTaskResolver resolver;
    private final BackupConfig config;

    public TimeoutRecovery(BackupTaskResolver resolver, BackupConfig config) {
        this.resolver = resolver;
        this.config = config;
    }

    public TaskOutcome run(BackupTask task, ReadPlan plan, Attempt attempt) {
        int bulkMaxRecords = config.engine().bulkMaxRecords();
        BulkSegmentSize segments = null;
        for (int retry = 0; ; retry++) {
            try {
                return attempt.run(task, segments, retry > 0);
            } catch (QueryTimeoutException timeout) {
                if (!plan.bulk() || retry >= MAX_BULK_TIMEOUT_RETRIES) {
                    throw timeout;
                }
                bulkMaxRecords = Math.max(1000, bulkMaxRecords / 4);
                task.context().warn(task.object() + ": QUERY_TIMEOUT on the Bulk API 2.0 read; retrying with smaller result"
                        + " chunks of " + bulkMaxRecords + " records"
                        + (segments == null ? "" : ", in Id ranges of " + segments.records() + " records"));
                task = task.withOrg(resolver.reconnect(task, bulkMaxRecords));
            } catch (BulkJobFailedException failed) {
                if (!plan.bulk() || !failed.isQueryTimeout() || segments != null) {
                    throw failed;
                }
                // the failed job cost requests before it had results: they count against the task
                task.context().record(Progress.apiCalls(RecordSource.BULK_JOB_CALLS));
                segments = new BulkSegmentSize(config.engine().bulkSegmentRecords(), config.engine().bulkSegmentMinRecords(),
                        config.engine().bulkSegmentTimeoutRetries());
                task.context().warn(task.object() + ": the Bulk API 2.0 query job failed with QUERY_TIMEOUT; reading again"
                        + " into a fresh restore point, one Bulk job per Id range of " + segments.records() + " records");
            }
        }
    }
}
