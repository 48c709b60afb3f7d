package dev.sfbackup.security.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes audit entries older than backup.audit.retention (default one year), every backup.audit.purge-every. */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final AuditLog log;
    private final AuditConfig config;
    private final Clock clock;

    public AuditRetention(AuditLog log, AuditConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${backup.audit.purge-every:1h}", delayed = "${backup.audit.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            purge();
        } catch (SQLException e) {
            LOG.errorf("audit purge failed: %s", e.getMessage());
        }
    }

    /** Returns how many entries were deleted. */
    public long purge() throws SQLException {
        long deleted = log.purgeBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("audit purge deleted %d entries older than %s", deleted, config.retention());
        }
        return deleted;
    }
}
