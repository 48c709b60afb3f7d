package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.api.storage.RetentionResult;
import dev.sfbackup.api.storage.RetentionRun;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.restorepoint.config.RestorePointConfig;
import dev.sfbackup.storage.restorepoint.repository.RecordVersionRepository;
import dev.sfbackup.storage.restorepoint.repository.RetentionRuleRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Removes restore points older than a policy's retention. Each object keeps its newest point, every leased or open
 * point and all younger ones; from what is removed, the version each record had at the oldest kept point stays, so
 * every kept point still reads exactly as before. Removal runs in small autocommit batches beside ingest.
 */
@ApplicationScoped
public class RetentionService {

    /** A century: a longer period puts the cutoff outside PostgreSQL's timestamp range (a 500, not a 400). */
    static final int MAX_RETENTION_DAYS = 36_500;

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    private final RecordVersionRepository versions;
    private final RetentionRuleRepository rules;
    private final RestorePointConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RetentionService(RecordVersionRepository versions, RetentionRuleRepository rules, RestorePointConfig config, Clock clock,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.versions = versions;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** Applies the retention now and remembers it for the scheduled job. */
    public RetentionResult run(RetentionRun request) throws SQLException {
        if (request == null || request.policyId() == null) {
            throw ApiProblem.badRequest("policyId", "required");
        }
        if (request.retentionDays() == null || request.retentionDays() < 0 || request.retentionDays() > MAX_RETENTION_DAYS) {
            throw ApiProblem.badRequest("retentionDays", "required: between 0 and " + MAX_RETENTION_DAYS
                    + " days (0 keeps only each object's newest point)");
        }
        rules.save(request.policyId(), request.retentionDays());
        return apply(request.policyId(), request.retentionDays());
    }

    @Scheduled(every = "${backup.restore-points.retention-every:1h}", delayed = "${backup.restore-points.retention-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyAll() throws SQLException {
        for (Map.Entry<UUID, Integer> rule : rules.all().entrySet()) {
            RetentionResult result = apply(rule.getKey(), rule.getValue());
            if (result.restorePointsRemoved() > 0) {
                LOG.infof("retention of policy %s removed %d restore points and %d record versions", result.policyId(),
                        result.restorePointsRemoved(), result.versionsRemoved());
            }
        }
    }

    RetentionResult apply(UUID policyId, int retentionDays) throws SQLException {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        int pointsRemoved = 0;
        long versionsRemoved = 0;
        for (long stream : versions.streamsOf(policyId)) {
            Long keptSeq = versions.oldestKeptSeq(stream, cutoff, now);
            if (keptSeq != null) {
                int removed;
                do {
                    removed = versions.removeUnreadVersions(stream, keptSeq, config.retentionBatchSize());
                    versionsRemoved += removed;
                } while (removed > 0); // a tombstone becomes removable once what it hides is gone
            }
            pointsRemoved += versions.removePoints(stream, keptSeq, cutoff);
        }
        metrics.counter("backup.retention.removed", "what", "restore_points").increment(pointsRemoved);
        metrics.counter("backup.retention.removed", "what", "record_versions").increment(versionsRemoved);
        return new RetentionResult(policyId, pointsRemoved, versionsRemoved);
    }
}
