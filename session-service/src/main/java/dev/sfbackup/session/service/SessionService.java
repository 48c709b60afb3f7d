package dev.sfbackup.session.service;

import dev.sfbackup.api.session.SessionLogEntry;
import dev.sfbackup.api.session.SessionPage;
import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.SessionView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.session.Session;
import dev.sfbackup.session.Task;
import dev.sfbackup.session.backup.persistence.BackupTaskStates;
import dev.sfbackup.session.repository.SessionLogRepository;
import dev.sfbackup.session.repository.SessionRepository;
import dev.sfbackup.session.repository.TaskRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads sessions, their tasks and logs, and stops sessions on an operator's request. A caller limited to some orgs sees
 * only their sessions; the others answer 404.
 */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final TaskRepository tasks;
    private final SessionLogRepository log;
    private final SessionJournal journal;
    private final StatusRefresher status;
    private final BackupTaskStates backupStates;
    private final OrgScope scope;

    public SessionService(SessionRepository sessions, TaskRepository tasks, SessionLogRepository log, SessionJournal journal,
            StatusRefresher status, BackupTaskStates backupStates, OrgScope scope) {
        this.sessions = sessions;
        this.tasks = tasks;
        this.log = log;
        this.journal = journal;
        this.status = status;
        this.backupStates = backupStates;
        this.scope = scope;
    }

    @Transactional
    public SessionPage search(UUID policyId, SessionStatus sessionStatus, Instant from, int page, int size) {
        PanacheQuery<Session> query = sessions.search(policyId, sessionStatus, from, scope.limitedTo()).page(page, size);
        List<Session> found = query.list();
        Map<UUID, List<Task>> tasksBySession = tasks.bySessions(found.stream().map(s -> s.id).toList()).stream()
                .collect(Collectors.groupingBy(task -> task.sessionId));
        return new SessionPage(found.stream()
                .map(s -> Views.session(s, tasksBySession.getOrDefault(s.id, List.of()))).toList(),
                page, size, query.count());
    }

    @Transactional
    public SessionView get(UUID sessionId) {
        Session session = find(sessionId);
        List<Task> ofSession = tasks.bySession(sessionId);
        return Views.session(session, ofSession, backupStates.byTasks(ofSession.stream().map(task -> task.id).toList()));
    }

    @Transactional
    public List<SessionLogEntry> log(UUID sessionId, long afterId, int limit) {
        find(sessionId);
        return log.bySession(sessionId, afterId, limit).stream().map(Views::logEntry).toList();
    }

    /** Graceful: tasks not started stay unstarted, running tasks end after their in-flight batch. */
    @Transactional
    public SessionView stop(UUID sessionId) {
        find(sessionId);
        requestStop(sessionId);
        status.refreshSession(sessionId);
        return get(sessionId);
    }

    private void requestStop(UUID sessionId) {
        Session session = status.lockSession(sessionId);
        if (session == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        if (session.isFinished()) {
            throw ApiProblem.conflict("status", "session " + sessionId + " already ended " + session.status);
        }
        if (!session.stopRequested) {
            session.stopRequested = true;
            journal.warn(sessionId, null, "stop requested by an operator: running tasks finish their in-flight batch,"
                    + " unstarted tasks are skipped, restore points of finished tasks are kept");
        }
    }

    private Session find(UUID sessionId) {
        Session session = sessions.findById(sessionId);
        if (session == null) {
            throw ApiProblem.notFound("session", sessionId);
        }
        scope.requireVisible(session.connectionId, "session", sessionId);
        return session;
    }
}
