package dev.sfbackup.session.report;

import dev.sfbackup.session.client.SalesforceConnections;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of ended runs, labelled only by policy id, kind, status and connection id (all bounded by what
 * an admin configured): runs, their duration, records and bytes, the age of each policy's last successful backup, and
 * each org's API requests used against its daily limit.
 */
@ApplicationScoped
public class RunMetrics {

    private final MeterRegistry registry;
    private final SalesforceConnections orgs;
    private final Clock clock;
    private final Map<UUID, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> orgGauges = new ConcurrentHashMap<>();

    public RunMetrics(MeterRegistry registry, SalesforceConnections orgs, Clock clock) {
        this.registry = registry;
        this.orgs = orgs;
        this.clock = clock;
    }

    void ended(RunEndReports.EndedRun run, RunEndReports.RunTotals totals) {
        String policy = run.policyId().toString();
        registry.counter("backup.runs", "policy", policy, "kind", run.kind(), "status", run.status()).increment();
        Timer.builder("backup.run.duration").tags("policy", policy, "status", run.status()).register(registry)
                .record(Duration.between(run.startedAt(), run.endedAt()));
        DistributionSummary.builder("backup.run.records").baseUnit("records").tags("policy", policy).register(registry)
                .record(totals.recordsRead());
        DistributionSummary.builder("backup.run.bytes").baseUnit("bytes").tags("policy", policy).register(registry)
                .record(totals.bytes());
        if (("SUCCESS".equals(run.status()) || "WARNING".equals(run.status())) && !"RESTORE".equals(run.kind())) {
            succeeded(run.policyId(), run.endedAt());
        }
        if (run.connectionId() != null) {
            watchOrg(run.connectionId());
        }
    }

    /** Registers the policy's restore-point age gauge on first sight; later calls only move the time. */
    void succeeded(UUID policyId, Instant endedAt) {
        Instant before = lastSuccess.put(policyId, lastSuccess.getOrDefault(policyId, endedAt).isAfter(endedAt)
                ? lastSuccess.get(policyId) : endedAt);
        if (before == null) {
            Gauge.builder("backup.restore.point.age", this, metrics -> metrics.ageSeconds(policyId))
                    .description("seconds since the policy's last successful backup run ended").baseUnit("seconds")
                    .tag("policy", policyId.toString()).strongReference(true).register(registry);
        }
    }

    private double ageSeconds(UUID policyId) {
        Instant last = lastSuccess.get(policyId);
        return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
    }

    private void watchOrg(UUID connectionId) {
        if (orgGauges.putIfAbsent(connectionId, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder("backup.org.api.requests.used", orgs, o -> o.apiUsage(connectionId).map(u -> (double) u.used()).orElse(Double.NaN))
                .description("API requests the org used in the last 24 hours, as it last reported")
                .tag("connection", connectionId.toString()).strongReference(true).register(registry);
        Gauge.builder("backup.org.api.requests.limit", orgs, o -> o.apiUsage(connectionId).map(u -> (double) u.limit()).orElse(Double.NaN))
                .description("the org's daily API request allowance")
                .tag("connection", connectionId.toString()).strongReference(true).register(registry);
    }
}
