package dev.sfbackup.session.repository;

import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.session.BackupSession;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<BackupSession, UUID> {

    public List<BackupSession> byRun(UUID runId) {
        return list("runId", Sort.ascending("createdAt", "label"), runId);
    }

    /** @param connections when present, only sessions of these org connections */
    public PanacheQuery<BackupSession> search(UUID policyId, SessionStatus status, Instant from, Optional<Set<UUID>> connections) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (connections.isPresent()) {
            query.append(" and connectionId in :connections");
            parameters.and("connections", connections.get());
        }
        if (policyId != null) {
            query.append(" and policyId = :policyId");
            parameters.and("policyId", policyId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (from != null) {
            query.append(" and createdAt >= :from");
            parameters.and("from", from);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), parameters);
    }

    public List<BackupSession> running() {
        return list("status", SessionStatus.RUNNING);
    }
}
