package dev.sfbackup.session.service;

import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.TaskStatus;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Applies {@link SessionStatusRollup} to a session and its run after a task changed, under row locks. */
@ApplicationScoped
public class StatusRefresher {

    private final RunRepository runs;
    private final SessionRepository sessions;
    private final TaskRepository tasks;
    private final SessionJournal journal;
    private final Clock clock;

    public StatusRefresher(RunRepository runs, SessionRepository sessions, TaskRepository tasks, SessionJournal journal,
            Clock clock) {
        this.runs = runs;
        this.sessions = sessions;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public void refreshSession(UUID sessionId) {
        Session session = lockSession(sessionId);
        applyRollup(session);
        refreshRun(runs.findById(session.runId));
    }

    /**
     * After a claim: a session already RUNNING stays RUNNING (the claimed task runs), and so does its run, so only a
     * session's first claim is rolled up; a session of N objects skips N - 1 roll-ups of its claims.
     */
    @Transactional
    public void refreshClaimedSession(UUID sessionId) {
        if (sessions.findById(sessionId).status != SessionStatus.RUNNING) {
            refreshSession(sessionId);
        }
    }

    /**
     * Locks a session's run, then the session: every writer takes the locks in this order (run first), so claims,
     * task ends, stops and the watchdog never deadlock each other. Null when the session does not exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Session lockSession(UUID sessionId) {
        Session unlocked = sessions.findById(sessionId);
        if (unlocked == null) {
            return null;
        }
        runs.findById(unlocked.runId, LockModeType.PESSIMISTIC_WRITE);
        return sessions.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Ends a session at once (watchdog, unrecoverable failure); running tasks notice and stop without committing. */
    @Transactional
    public boolean failSession(UUID sessionId, String reason) {
        Session session = lockSession(sessionId);
        if (session == null || session.isFinished()) {
            return false;
        }
        session.failureReason = reason;
        for (Task task : tasks.bySession(sessionId)) {
            if (task.status == TaskStatus.PENDING) {
                task.status = TaskStatus.ERROR;
                task.message = "not run: the session failed before the task started";
                task.endedAt = clock.instant();
            }
        }
        journal.error(sessionId, null, "session FAILED: " + reason);
        applyRollup(session);
        refreshRun(runs.findById(session.runId));
        return true;
    }

    private void applyRollup(Session session) {
        if (session.isFinished()) {
            return;
        }
        TaskRepository.Tally tally = tasks.tally(session.id);
        SessionStatus status = SessionStatusRollup.session(tally.byStatus(), tally.completedWithErrors(),
                session.stopRequested, session.failureReason != null);
        if (status != SessionStatus.PENDING && session.startedAt == null) {
            session.startedAt = clock.instant();
        }
        if (status == SessionStatus.FAILED && session.failureReason == null) {
            session.failureReason = everyTaskFailed(tasks.bySession(session.id));
        }
        if (SessionStatusRollup.isFinished(status) && session.status != status) {
            session.endedAt = clock.instant();
            journal.info(session.id, null, "session ended " + status);
        }
        session.status = status;
    }

    /** The reason of a session whose every task ended ERROR: the first task's message, which names the failure. */
    private static String everyTaskFailed(List<Task> ofSession) {
        List<String> messages = ofSession.stream().map(task -> task.message).filter(message -> message != null).toList();
        String first = messages.isEmpty() ? "no task said why" : messages.getFirst();
        return "every task ended ERROR; " + first + (messages.size() > 1 ? " (and " + (messages.size() - 1)
                + " more, see the tasks)" : "");
    }

    private void refreshRun(Run run) {
        if (SessionStatusRollup.isFinished(run.status)) {
            return;
        }
        SessionStatus status = SessionStatusRollup.run(sessions.byRun(run.id).stream().map(s -> s.status).toList());
        if (SessionStatusRollup.isFinished(status)) {
            run.endedAt = clock.instant();
        }
        run.status = status;
    }
}
