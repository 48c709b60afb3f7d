package dev.sfbackup.session.engine;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.salesforce.AccessToken;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.service.SessionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/** Runs one claimed task to its end and records how it ended; never lets an error leave the task RUNNING. */
@ApplicationScoped
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final PolicyClient policies;
    private final SalesforceConnections connections;
    private final DataTaskExecutor data;
    private final FileTaskExecutor files;
    private final MetadataTaskExecutor metadata;
    private final TaskProgress progress;
    private final SessionJournal journal;
    private final BackupConfig config;

    public TaskRunner(PolicyClient policies, SalesforceConnections connections, DataTaskExecutor data, FileTaskExecutor files,
            MetadataTaskExecutor metadata, TaskProgress progress, SessionJournal journal, BackupConfig config) {
        this.policies = policies;
        this.connections = connections;
        this.data = data;
        this.files = files;
        this.metadata = metadata;
        this.progress = progress;
        this.journal = journal;
        this.config = config;
    }

    public void run(ClaimedTask task, String instanceId) {
        TaskOutcome outcome;
        try {
            outcome = execute(task, instanceId);
        } catch (RuntimeException | Error unexpected) {
            LOG.errorf(unexpected, "task %s (%s) failed", task.taskId(), task.object());
            outcome = TaskOutcome.error(task.object() + ": " + describe(unexpected));
        }
        if (outcome.status() == TaskStatus.ERROR) {
            journal.error(task.sessionId(), task.taskId(), outcome.message());
        } else if (outcome.status() == TaskStatus.WARNING) {
            journal.warn(task.sessionId(), task.taskId(), outcome.message());
        }
        progress.finish(task.taskId(), instanceId, outcome.status(), outcome.message());
    }

    private TaskOutcome execute(ClaimedTask task, String instanceId) {
        try {
            PolicyView policy = policies.policy(task.policyId())
                    .orElseThrow(() -> new TaskInterrupted("policy " + task.policyId() + " no longer exists"));
            ConnectionCredentials credentials = policies.credentials(policy.connectionId());
            SalesforceConnection org = connections.connect(credentials, config.engine().bulkMaxRecords(),
                    config.engine().bulkPollInterval());
            TaskContext context = new TaskContext(task, instanceId, policy, credentials, connections, org,
                    orgId(org.authenticate()), config.engine().bulkPollInterval());
            context.budget().check();
            return switch (task.sessionType()) {
                case DATA -> data.run(context);
                case FILE -> files.run(context);
                case METADATA -> metadata.run(context);
            };
        } catch (TaskInterrupted interrupted) {
            return TaskOutcome.error(task.object() + ": stopped, " + interrupted.getMessage()
                    + "; its unfinished restore point was not committed");
        } catch (RequestLimitExceededException limit) {
            return TaskOutcome.error(task.object() + ": REQUEST_LIMIT_EXCEEDED, the org's API request limit is exhausted ("
                    + limit.getMessage() + "); nothing committed, the next run continues from the stored watermark");
        } catch (SalesforceException salesforce) {
            return TaskOutcome.error(task.object() + ": Salesforce answered " + salesforce.getMessage() + "; nothing committed");
        } catch (RemoteCallRejected rejected) {
            return TaskOutcome.error(task.object() + ": " + rejected.getMessage() + "; nothing committed");
        } catch (ProcessingException | TimeoutException unreachable) {
            return TaskOutcome.error(task.object() + ": a service could not be reached after retries with backoff ("
                    + describe(unreachable) + "); nothing committed");
        }
    }

    /** The org id is the first path segment after /id/ in the token's identity URL. */
    private static String orgId(AccessToken token) {
        String id = token.id();
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("id")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return root == error ? message : message + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
