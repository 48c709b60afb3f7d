package dev.sfbackup.session.service;

import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.TaskStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The status rules of DESIGN.md. A session is SUCCESS when all tasks completed successfully or with warnings,
 * WARNING when some (not all) tasks completed with errors (ERROR, or WARNING with some items failed, such as a
 * restore's rejected records), FAILED when it stopped on a critical error or all tasks
 * completed with errors, STOPPED when an operator stopped it. A run shows the worst status of its sessions.
 */
public final class SessionStatusRollup {

    /** Worst first: a run shows the first of these that any of its sessions has. */
    private static final List<SessionStatus> WORST_FIRST =
            List.of(SessionStatus.FAILED, SessionStatus.STOPPED, SessionStatus.WARNING, SessionStatus.SUCCESS);

    private SessionStatusRollup() {
    }

    /**
     * @param tasksByStatus how many of the session's tasks have each status
     * @param partial how many of the tasks ended WARNING because some of their items failed (records Salesforce
     *                rejected): tasks that completed with errors, though not with nothing done
     * @param criticalFailure the session was terminated (watchdog, a failure outside any task)
     * @param stopRequested an operator asked to stop; in-flight tasks still finish before the session is STOPPED
     */
    public static SessionStatus session(Map<TaskStatus, Long> tasksByStatus, long partial, boolean stopRequested,
            boolean criticalFailure) {
        if (criticalFailure) {
            return SessionStatus.FAILED;
        }
        if (tasksByStatus.getOrDefault(TaskStatus.RUNNING, 0L) > 0) {
            return SessionStatus.RUNNING;
        }
        if (stopRequested) {
            return SessionStatus.STOPPED;
        }
        long tasks = tasksByStatus.values().stream().mapToLong(Long::longValue).sum();
        long pending = tasksByStatus.getOrDefault(TaskStatus.PENDING, 0L);
        if (pending > 0) {
            return pending == tasks ? SessionStatus.PENDING : SessionStatus.RUNNING;
        }
        long errors = tasksByStatus.getOrDefault(TaskStatus.ERROR, 0L);
        if (errors == 0 && partial == 0) {
            return SessionStatus.SUCCESS;
        }
        return errors == tasks ? SessionStatus.FAILED : SessionStatus.WARNING;
    }

    public static SessionStatus run(Collection<SessionStatus> sessions) {
        if (sessions.isEmpty()) {
            return SessionStatus.SUCCESS;
        }
        if (sessions.stream().allMatch(status -> status == SessionStatus.PENDING)) {
            return SessionStatus.PENDING;
        }
        if (sessions.contains(SessionStatus.PENDING) || sessions.contains(SessionStatus.RUNNING)) {
            return SessionStatus.RUNNING;
        }
        return WORST_FIRST.stream().filter(sessions::contains).findFirst().orElseThrow();
    }

    public static boolean isFinished(SessionStatus status) {
        return status != SessionStatus.PENDING && status != SessionStatus.RUNNING;
    }

    public static boolean isFinished(TaskStatus status) {
        return status != TaskStatus.PENDING && status != TaskStatus.RUNNING;
    }
}
