package dev.sfbackup.session.report;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.session.RunAnomaly;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.RemoteCallRejected;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.repository.RunAnomalyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reports every ended run once, whichever way it ended (rollup, watchdog, failed planning, a restarted instance): an
 * incremental run's anomalies are found and stored on the run, policy-service is told how the run ended (and of the
 * anomalies) so it alerts the policy's channels, and the run's metrics are counted. A run stays unreported until
 * policy-service took its alerts, so an unreachable policy-service delays alerts instead of losing them; no transaction
 * is held across that call. Two instances may both report a run in the same moment: alerts are at least once.
 */
@ApplicationScoped
public class RunEndReporter {

    private static final Logger LOG = Logger.getLogger(RunEndReporter.class);
    private static final int BATCH = 20;

    private final RunEndReports reports;
    private final RunAnomalyRepository anomalies;
    private final PolicyClient policies;
    private final RunMetrics metrics;
    private final BackupConfig config;
    private final Clock clock;

    public RunEndReporter(RunEndReports reports, RunAnomalyRepository anomalies, PolicyClient policies, RunMetrics metrics,
            BackupConfig config, Clock clock) {
        this.reports = reports;
        this.anomalies = anomalies;
        this.policies = policies;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void loadLastSuccesses(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().call(reports::lastSuccessByPolicy).forEach(metrics::succeeded);
    }

    @Scheduled(every = "${backup.report-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        reportEnded();
    }

    /** Reports the ended, unreported runs, batch after batch while every one goes through; answers how many. */
    public synchronized int reportEnded() {
        int reported = 0;
        boolean more = true;
        while (more) {
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> reports.unreported(BATCH));
            int before = reported;
            for (UUID runId : batch) {
                reported += reportOrLog(runId) ? 1 : 0;
            }
            more = batch.size() == BATCH && reported - before == BATCH;
        }
        return reported;
    }

    private boolean reportOrLog(UUID runId) {
        try {
            return report(runId);
        } catch (RuntimeException e) {
            LOG.warnf("end of run %s not reported yet (tried again at the next tick): %s", runId, e.getMessage());
            return false;
        }
    }

    private boolean report(UUID runId) {
        Optional<RunEndReports.EndedRun> ended = QuarkusTransaction.requiringNew().call(() -> reports.ended(runId));
        if (ended.isEmpty()) {
            return false;
        }
        RunEndReports.EndedRun run = ended.get();
        List<RunAnomaly> found = QuarkusTransaction.requiringNew().call(() -> detectAndStore(run));
        List<String> failures = QuarkusTransaction.requiringNew().call(() -> reports.sessionFailures(runId));
        for (AlertEvent event : events(run, failures, found)) {
            try {
                policies.alert(event);
            } catch (RemoteCallRejected rejected) {
                LOG.warnf("policy-service refused the %s alert of run %s, dropped: %s", event.outcome(), runId,
                        rejected.getMessage());
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!reports.markReported(runId, clock.instant())) {
                return false;
            }
            metrics.ended(run, reports.totals(runId));
            return true;
        });
    }

    private List<RunAnomaly> detectAndStore(RunEndReports.EndedRun run) {
        if (!"INCREMENTAL".equals(run.kind())) {
            return List.of();
        }
        List<RunAnomaly> found = new AnomalyDetector(config.anomaly()).detect(reports.objectChanges(run.id()),
                reports.changeHistory(run.policyId(), run.id(), run.endedAt(), config.anomaly().historyRuns()));
        anomalies.replace(run.id(), found);
        return found;
    }

    /** One event for how the run ended (none for a stopped run or a restore), one more for its anomalies. */
    private static List<AlertEvent> events(RunEndReports.EndedRun run, List<String> failures, List<RunAnomaly> found) {
        List<AlertEvent> events = new ArrayList<>();
        if ("RESTORE".equals(run.kind())) {
            return events;
        }
        outcome(run.status()).ifPresent(outcome -> events.add(new AlertEvent(run.policyId(), run.id(), outcome,
                what(run, failures))));
        if (!found.isEmpty()) {
            events.add(new AlertEvent(run.policyId(), run.id(), AlertOutcome.ANOMALY, run.kind() + " run found "
                    + found.size() + " anomal" + (found.size() == 1 ? "y" : "ies") + ": "
                    + found.stream().map(RunAnomaly::description).collect(Collectors.joining("; "))));
        }
        return events;
    }

    private static Optional<AlertOutcome> outcome(String status) {
        return switch (status) {
            case "FAILED" -> Optional.of(AlertOutcome.FAILED);
            case "WARNING" -> Optional.of(AlertOutcome.WARNING);
            case "SUCCESS" -> Optional.of(AlertOutcome.SUCCESS);
            default -> Optional.empty();
        };
    }

    private static String what(RunEndReports.EndedRun run, List<String> failures) {
        String ended = run.kind() + " run ended " + run.status();
        Optional<String> watchdog = failures.stream().filter(reason -> reason.startsWith("watchdog:")).findFirst();
        if (watchdog.isPresent()) {
            return ended + ": a session was ended by the watchdog (" + watchdog.get() + ")";
        }
        String reason = run.failureReason() != null ? run.failureReason() : failures.stream().findFirst().orElse(null);
        return reason == null ? ended : ended + ": " + reason;
    }
}
