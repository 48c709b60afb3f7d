package dev.sfbackup.session.engine;

import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.service.SessionJournal;
import java.util.Optional;

/**
 * What the engine offers a running task of any kind: recording progress (which answers whether to go on), stop checks,
 * the session log and the run's API budget. Whatever else a kind needs (a policy, an org connection, storage) it
 * gets from its own beans.
 */
public final class TaskContext {

    private final ClaimedTask task;
    private final String instanceId;
    private final TaskProgress progress;
    private final SessionJournal journal;

    TaskContext(ClaimedTask task, String instanceId, TaskProgress progress, SessionJournal journal) {
        this.task = task;
        this.instanceId = instanceId;
        this.progress = progress;
        this.journal = journal;
    }

    public ClaimedTask task() {
        return task;
    }

    /** Adds to the task's counters (and, when it moved, keeps its session away from the watchdog); stops it if asked. */
    public void record(Progress made) {
        stopIf(recordAndAsk(made));
    }

    /**
     * Like {@link #record} but answers why the task must stop instead of throwing, for callers that record inside a
     * transaction of their own (throwing there would roll the progress back).
     */
    public Optional<String> recordAndAsk(Progress made) {
        return progress.record(task.taskId(), instanceId, made);
    }

    /** Throws {@link TaskInterrupted} when the task must stop: an operator stop, a failed session or a lost claim. */
    public void checkStop() {
        stopIf(progress.reasonToStop(task.taskId(), instanceId));
    }

    /** Why the task must stop, if it must. */
    public Optional<String> reasonToStop() {
        return progress.reasonToStop(task.taskId(), instanceId);
    }

    /**
     * Starts the record and byte counters again (the work they counted was thrown away, e.g. into a discarded restore
     * point); API calls stay spent.
     */
    public void restartCounters() {
        progress.restartCounters(task.taskId());
    }

    public TaskCounters counters() {
        return progress.counters(task.taskId());
    }

    /** Throws {@link TaskInterrupted} once the org reports more of its daily API requests used than the run allows. */
    public void checkBudget(SalesforceConnection org) {
        new ApiBudget(org, task.apiBudgetPercent()).check();
    }

    public void info(String message) {
        journal.info(task.sessionId(), task.taskId(), message);
    }

    public void warn(String message) {
        journal.warn(task.sessionId(), task.taskId(), message);
    }

    public static void stopIf(Optional<String> reason) {
        if (reason.isPresent()) {
            throw new TaskInterrupted(reason.get());
        }
    }
}
