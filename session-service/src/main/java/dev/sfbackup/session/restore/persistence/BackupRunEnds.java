package dev.sfbackup.session.restore.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** When the run of a backup session ended, for a restore given one of that run's restore points. */
@ApplicationScoped
public class BackupRunEnds {

    private final EntityManager entities;

    public BackupRunEnds(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public Optional<Instant> endOfRunOfSession(UUID sessionId) {
        List<?> rows = entities.createNativeQuery("select r.ended_at from session s join run r on r.id = s.run_id where s.id = :session")
                .setParameter("session", sessionId).getResultList();
        return rows.stream().filter(row -> row != null).findFirst()
                .map(row -> row instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) row);
    }
}
