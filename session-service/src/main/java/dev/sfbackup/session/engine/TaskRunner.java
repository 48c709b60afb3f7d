package dev.sfbackup.session.engine;

import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.SalesforceException;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.service.SessionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs one claimed task with the executor of its kind and records how it ended; never lets an error leave the task
 * RUNNING.
 */
@ApplicationScoped
public class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final Map<String, TaskExecutor> executors = new TreeMap<>();
    private final TaskProgress progress;
    private final SessionJournal journal;

    public TaskRunner(@Any Instance<TaskExecutor> executors, TaskProgress progress, SessionJournal journal) {
        for (TaskExecutor executor : executors) {
            TaskExecutor other = this.executors.putIfAbsent(executor.kind(), executor);
            if (other != null) {
                throw new IllegalStateException("two executors for task kind " + executor.kind() + ": "
                        + other.getClass().getName() + " and " + executor.getClass().getName());
            }
        }
        this.progress = progress;
        this.journal = journal;
    }

    /** The task kinds this instance runs (and so claims). */
    public Set<String> kinds() {
        return executors.keySet();
    }

    public void run(ClaimedTask task, String instanceId) {
        TaskExecutor executor = executors.get(task.kind());
        TaskOutcome outcome;
        try {
            outcome = execute(executor, task, new TaskContext(task, instanceId, progress, journal));
        } catch (RuntimeException | Error unexpected) {
            LOG.errorf(unexpected, "task %s (%s, %s) failed", task.taskId(), task.kind(), task.object());
            outcome = TaskOutcome.error(task.object() + ": " + describe(unexpected));
        }
        if (outcome.status() == TaskStatus.ERROR) {
            journal.error(task.sessionId(), task.taskId(), outcome.message());
        } else if (outcome.status() == TaskStatus.WARNING) {
            journal.warn(task.sessionId(), task.taskId(), outcome.message());
        }
        boolean failsSession = outcome.status() == TaskStatus.ERROR && executor != null && executor.errorFailsSession();
        progress.finish(task.taskId(), instanceId, outcome, failsSession);
    }

    private static TaskOutcome execute(TaskExecutor executor, ClaimedTask task, TaskContext context) {
        if (executor == null) {
            return TaskOutcome.error(task.object() + ": no executor for task kind " + task.kind() + " on this instance");
        }
        try {
            return executor.execute(task, context);
        } catch (TaskInterrupted interrupted) {
            return TaskOutcome.error(task.object() + ": stopped, " + interrupted.getMessage()
                    + "; what it had not committed was left uncommitted");
        } catch (RequestLimitExceededException limit) {
            return TaskOutcome.error(task.object() + ": REQUEST_LIMIT_EXCEEDED, the org's API request limit is exhausted ("
                    + limit.getMessage() + "); nothing more committed, the next run continues from what this one committed");
        } catch (SalesforceException salesforce) {
            return TaskOutcome.error(task.object() + ": Salesforce answered " + salesforce.getMessage() + "; nothing more committed");
        } catch (RemoteCallRejected rejected) {
            return TaskOutcome.error(task.object() + ": " + rejected.getMessage() + "; nothing more committed");
        } catch (ProcessingException | TimeoutException unreachable) {
            return TaskOutcome.error(task.object() + ": a service could not be reached after retries with backoff ("
                    + describe(unreachable) + "); nothing more committed");
        }
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
