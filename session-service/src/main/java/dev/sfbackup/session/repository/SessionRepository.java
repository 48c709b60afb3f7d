package dev.sfbackup.session.repository;

import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.session.Session;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public List<Session> byRun(UUID runId) {
        return list("runId", Sort.ascending("createdAt", "label"), runId);
    }

    /** @param connections when present, only sessions of these org connections */
    public PanacheQuery<Session> search(UUID policyId, SessionStatus status, Instant from, Optional<Set<UUID>> connections) {
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

    /** Every RUNNING session with when it last made progress (or started) and its run's inactivity timeout. */
    public List<SessionActivity> runningActivity() {
        return getEntityManager().createQuery("select s.id, coalesce(s.lastProgressAt, s.startedAt, s.createdAt),"
                        + " r.inactivityTimeoutMillis from Session s, Run r where r.id = s.runId and s.status = :running",
                        Object[].class)
                .setParameter("running", SessionStatus.RUNNING).getResultList().stream()
                .map(row -> new SessionActivity((UUID) row[0], (Instant) row[1], Duration.ofMillis((Long) row[2])))
                .toList();
    }
}
