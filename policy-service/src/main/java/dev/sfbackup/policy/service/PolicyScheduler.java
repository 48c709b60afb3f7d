package dev.sfbackup.policy.service;

import com.cronutils.model.CronType;
import com.cronutils.model.time.ExecutionTime;
import dev.sfbackup.policy.repository.PolicyRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.common.runtime.CronParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Fires each enabled, scheduled policy at its cron (Quartz syntax, in the policy's time zone), in step with committed
 * policy changes. Fire times are reckoned by the injected clock, so tests move time instead of waiting for it: a tick
 * every second fires the policies whose time has come, each at most once at a time (a firing still under way when
 * its next time comes is skipped), and a policy whose time passed while the service was down fires once, then keeps
 * to its cron.
 */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);
    /** The parser quarkus-scheduler uses for cron-type quartz, as PolicyValidator does. */
    private static final CronParser CRON = new CronParser(CronType.QUARTZ);

    /** A registered policy's cron, its time zone, and when it fires next (null: never again). */
    private record Job(ExecutionTime cron, ZoneId zone, Instant next) {

        Job after(Instant time) {
            return new Job(cron, zone, cron.nextExecution(ZonedDateTime.ofInstant(time, zone))
                    .map(ZonedDateTime::toInstant).orElse(null));
        }
    }

    private final PolicyRepository policies;
    private final RunLauncher launcher;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Set<UUID> intervalGauges = ConcurrentHashMap.newKeySet();
    /** Registered versions, also of policies without a job, so a late event never undoes a newer one. */
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Set<UUID> firing = ConcurrentHashMap.newKeySet();
    private final ExecutorService launches = Executors.newVirtualThreadPerTaskExecutor();

    public PolicyScheduler(PolicyRepository policies, RunLauncher launcher, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.policies = policies;
        this.launcher = launcher;
        this.clock = clock;
    }

    void registerAll(@Observes StartupEvent startup) {
        List<PolicyScheduleChanged> scheduled = QuarkusTransaction.requiringNew()
                .call(() -> policies.listScheduledAndEnabled().stream().map(PolicyScheduleChanged::of).toList());
        scheduled.forEach(this::apply);
        LOG.infof("%d scheduled policies registered", scheduled.size());
    }

    void onCommittedChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyScheduleChanged change) {
        apply(change);
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        launches.shutdownNow();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        fireDue();
    }

    /**
     * Starts a run of every policy whose fire time has come by the clock (each in the background); answers those
     * policies. A policy still firing from its previous time is skipped.
     */
    public synchronized Set<UUID> fireDue() {
        Instant now = clock.instant();
        Set<UUID> fired = new TreeSet<>();
        jobs.forEach((policyId, job) -> {
            if (job.next() == null || job.next().isAfter(now)) {
                return;
            }
            jobs.put(policyId, job.after(now));
            if (firing.add(policyId)) {
                fired.add(policyId);
                launches.submit(() -> {
                    try {
                        launcher.fireScheduled(policyId);
                    } finally {
                        firing.remove(policyId);
                    }
                });
            }
        });
        return fired;
    }

    /** Next fire time of a policy, or null when it has none; for operators and tests. */
    public Instant nextFireTime(UUID policyId) {
        Job job = jobs.get(policyId);
        return job == null ? null : job.next();
    }

    private synchronized void apply(PolicyScheduleChanged change) {
        Long registered = versions.get(change.policyId());
        if (registered != null && registered > change.version()) {
            return;
        }
        versions.put(change.policyId(), change.version());
        jobs.remove(change.policyId());
        if (change.cron() == null) {
            return;
        }
        ZoneId zone = change.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(change.timeZone());
        Job job = new Job(ExecutionTime.forCron(CRON.parse(change.cron())), zone, null);
        jobs.put(change.policyId(), job.after(clock.instant()));
        if (intervalGauges.add(change.policyId())) {
            Gauge.builder("backup.policy.schedule.interval", jobs, all -> intervalSeconds(all.get(change.policyId())))
                    .description("seconds between the policy's next two scheduled runs (NaN: not scheduled)")
                    .baseUnit("seconds").tag("policy", change.policyId().toString()).strongReference(true).register(metrics);
        }
    }

    /** What the alert rule "older than the schedule allows" compares the time since the last success with. */
    private static double intervalSeconds(Job job) {
        if (job == null || job.next() == null) {
            return Double.NaN;
        }
        Job after = job.after(job.next());
        return after.next() == null ? Double.NaN : Duration.between(job.next(), after.next()).toSeconds();
    }
}
