package dev.sfbackup.session.engine;

import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.service.StatusRefresher;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Terminates sessions that uploaded no data for longer than their policy's inactivityTimeout: they end FAILED with
 * the reason in their log, and their running tasks stop at their next batch without committing.
 */
@ApplicationScoped
public class Watchdog {

    private static final String RUNNING_SESSIONS = """
            select s.id, coalesce(s.last_upload_at, s.started_at, s.created_at), r.inactivity_timeout_millis
            from backup_session s join run r on r.id = s.run_id
            where s.status = 'RUNNING'
            """;

    private final EntityManager em;
    private final StatusRefresher status;
    private final BackupConfig config;

    public Watchdog(EntityManager em, StatusRefresher status, BackupConfig config) {
        this.em = em;
        this.status = status;
        this.config = config;
    }

    @Scheduled(every = "${backup.engine.watchdog-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (config.engine().enabled()) {
            terminateIdleSessions(Instant.now());
        }
    }

    public int terminateIdleSessions(Instant now) {
        int terminated = 0;
        for (Object[] row : runningSessions()) {
            Instant lastActivity = instant(row[1]);
            Duration timeout = Duration.ofMillis(((Number) row[2]).longValue());
            Duration idle = Duration.between(lastActivity, now);
            if (idle.compareTo(timeout) > 0) {
                String reason = "watchdog: no data uploaded for " + idle.toSeconds() + " s, longer than the policy's"
                        + " inactivityTimeout " + timeout + " (last activity " + lastActivity + ")";
                if (status.failSession((UUID) row[0], reason)) {
                    terminated++;
                }
            }
        }
        return terminated;
    }

    @SuppressWarnings("unchecked")
    @Transactional
    List<Object[]> runningSessions() {
        return em.createNativeQuery(RUNNING_SESSIONS).getResultList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
