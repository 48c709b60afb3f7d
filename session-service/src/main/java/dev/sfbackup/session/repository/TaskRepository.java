package dev.sfbackup.session.repository;

import dev.sfbackup.session.BackupTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import dev.sfbackup.api.session.SessionType;
import dev.sfbackup.api.session.TaskStatus;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<BackupTask, UUID> {

    public List<BackupTask> bySession(UUID sessionId) {
        return list("sessionId", Sort.ascending("ordinal"), sessionId);
    }

    public List<BackupTask> bySessions(List<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", Sort.ascending("ordinal"), sessionIds);
    }

    /** When the policy's latest successful task of the given object in a session of the given type started. */
    @Transactional
    public Optional<Instant> lastSuccessStart(UUID policyId, SessionType type, String object) {
        return find("select t from BackupTask t, BackupSession s where s.id = t.sessionId and s.policyId = ?1 and s.type = ?2"
                + " and t.objectName = ?3 and t.status in ?4 order by t.startedAt desc", policyId, type, object,
                List.of(TaskStatus.SUCCESS, TaskStatus.WARNING))
                .firstResultOptional().map(task -> task.startedAt);
    }

    @Transactional
    public List<String> objectsOfRun(UUID runId, SessionType type) {
        return find("select t from BackupTask t, BackupSession s where s.id = t.sessionId and t.runId = ?1 and s.type = ?2"
                + " order by t.ordinal", runId, type).list().stream().map(task -> task.objectName).toList();
    }
}
