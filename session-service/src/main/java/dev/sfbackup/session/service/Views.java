package dev.sfbackup.session.service;

import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionCounters;
import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.api.session.TaskView;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.SessionLogLine;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.backup.BackupTaskState;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Maps entities to the contract records of dev.sfbackup.api.session. */
final class Views {

    private Views() {
    }

    static RunView run(Run run, List<Session> sessions) {
        return run(run, sessions, List.of());
    }

    static RunView run(Run run, List<Session> sessions, List<RunAnomaly> anomalies) {
        return new RunView(run.id, run.policyId, run.kind, StartRun.Trigger.valueOf(run.trigger), run.status, run.startedAt,
                run.endedAt, run.failureReason, sessions.stream().map(s -> new RunView.SessionSummary(s.id, s.type, s.status)).toList(),
                anomalies);
    }

    static SessionView session(Session session, List<Task> tasks) {
        return new SessionView(session.id, session.runId, session.policyId, session.type, session.kind, session.status,
                session.label, session.createdAt, session.startedAt, session.endedAt, session.lastProgressAt,
                session.failureReason, session.stopRequested, sum(tasks), null);
    }

    /** With its tasks; states: the backup state of those tasks that have one. */
    static SessionView session(Session session, List<Task> tasks, Map<UUID, BackupTaskState> states) {
        return new SessionView(session.id, session.runId, session.policyId, session.type, session.kind, session.status,
                session.label, session.createdAt, session.startedAt, session.endedAt, session.lastProgressAt,
                session.failureReason, session.stopRequested, sum(tasks),
                tasks.stream().map(task -> task(task, states.get(task.id))).toList());
    }

    private static TaskView task(Task task, BackupTaskState state) {
        return new TaskView(task.id, task.kind, task.objectName, task.status, state == null ? null : state.restorePointId,
                state == null ? null : state.pointKind, state == null ? 0 : state.lastBatchSeq, task.claimedBy,
                task.heartbeatAt, task.attempts, task.startedAt, task.endedAt, task.message, counters(task));
    }

    static SessionLogEntry logEntry(SessionLogLine line) {
        return new SessionLogEntry(line.id, line.at, line.level, line.taskId, line.message);
    }

    private static SessionCounters counters(Task task) {
        return new SessionCounters(task.recordsRead, task.recordsNew, task.recordsChanged, task.recordsDeleted,
                task.recordsUnchanged, task.bytes, task.apiCalls);
    }

    private static SessionCounters sum(List<Task> tasks) {
        return new SessionCounters(tasks.stream().mapToLong(t -> t.recordsRead).sum(),
                tasks.stream().mapToLong(t -> t.recordsNew).sum(), tasks.stream().mapToLong(t -> t.recordsChanged).sum(),
                tasks.stream().mapToLong(t -> t.recordsDeleted).sum(), tasks.stream().mapToLong(t -> t.recordsUnchanged).sum(),
                tasks.stream().mapToLong(t -> t.bytes).sum(), tasks.stream().mapToLong(t -> t.apiCalls).sum());
    }
}
