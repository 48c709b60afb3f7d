package dev.sfbackup.session.repository;

import dev.sfbackup.session.BackupTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<BackupTask, UUID> {

    public List<BackupTask> bySession(UUID sessionId) {
        return list("sessionId", Sort.ascending("ordinal"), sessionId);
    }

    public List<BackupTask> bySessions(List<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", Sort.ascending("ordinal"), sessionIds);
    }
}
