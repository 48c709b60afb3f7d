package dev.sfbackup.storage.erasure.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/** Retries, on a schedule, the repository rewrites of erasures that ended INCOMPLETE, until each completes. */
@ApplicationScoped
public class ErasureRetry {

    private static final Logger LOG = Logger.getLogger(ErasureRetry.class);

    private final ErasureService erasures;

    public ErasureRetry(ErasureService erasures) {
        this.erasures = erasures;
    }

    @Scheduled(every = "${backup.erasure.retry-every:5m}", delayed = "${backup.erasure.retry-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        try {
            int done = erasures.retryIncomplete();
            if (done > 0) {
                LOG.infof("erasure: %d repository rewrite(s) left over by incomplete erasures are done", done);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("erasure: retrying incomplete repository rewrites failed: %s", e.getMessage());
        }
    }
}
