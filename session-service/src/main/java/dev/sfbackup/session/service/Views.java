package dev.sfbackup.session.service;

import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.SessionCounters;
import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.api.session.TaskView;
import dev.sfbackup.session.BackupSession;
import dev.sfbackup.session.BackupTask;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.SessionLogLine;
import java.util.List;

/** Maps entities to the contract records of dev.sfbackup.api.session. */
final class Views {

    private Views() {
    }

    static RunView run(Run run, List<BackupSession> sessions) {
        return new RunView(run.id, run.policyId, run.kind, StartRun.Trigger.valueOf(run.trigger), run.status, run.startedAt,
                run.endedAt, sessions.stream().map(s -> new RunView.SessionSummary(s.id, s.type, s.status)).toList());
    }

    static SessionView session(BackupSession session, List<BackupTask> tasks, boolean withTasks) {
        return new SessionView(session.id, session.runId, session.policyId, session.type, session.kind, session.status,
                session.label, session.createdAt, session.startedAt, session.endedAt, session.lastUploadAt,
                session.failureReason, session.stopRequested, sum(tasks),
                withTasks ? tasks.stream().map(Views::task).toList() : null);
    }

    static TaskView task(BackupTask task) {
        return new TaskView(task.id, task.objectName, task.status, task.restorePointId, task.pointKind, task.lastBatchSeq,
                task.claimedBy, task.heartbeatAt, task.attempts, task.startedAt, task.endedAt, task.message, counters(task));
    }

    static SessionLogEntry logEntry(SessionLogLine line) {
        return new SessionLogEntry(line.id, line.at, line.level, line.taskId, line.message);
    }

    private static SessionCounters counters(BackupTask task) {
        return new SessionCounters(task.recordsRead, task.recordsNew, task.recordsChanged, task.recordsDeleted,
                task.recordsUnchanged, task.bytes, task.apiCalls);
    }

    private static SessionCounters sum(List<BackupTask> tasks) {
        return new SessionCounters(tasks.stream().mapToLong(t -> t.recordsRead).sum(),
                tasks.stream().mapToLong(t -> t.recordsNew).sum(), tasks.stream().mapToLong(t -> t.recordsChanged).sum(),
                tasks.stream().mapToLong(t -> t.recordsDeleted).sum(), tasks.stream().mapToLong(t -> t.recordsUnchanged).sum(),
                tasks.stream().mapToLong(t -> t.bytes).sum(), tasks.stream().mapToLong(t -> t.apiCalls).sum());
    }
}
