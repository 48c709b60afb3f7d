package dev.sfbackup.policy.service;

import dev.sfbackup.policy.repository.PolicyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Keeps one quarkus-scheduler job per enabled, scheduled policy, in step with committed policy changes. */
@ApplicationScoped
public class PolicyScheduler {

    private static final Logger LOG = Logger.getLogger(PolicyScheduler.class);
    private static final String JOB_PREFIX = "policy-";

    private final Scheduler scheduler;
    private final PolicyRepository policies;
    private final RunLauncher launcher;
    /** version of the policy each registration reflects, so a late event never undoes a newer one */
    private final Map<UUID, Long> registeredVersions = new ConcurrentHashMap<>();

    public PolicyScheduler(Scheduler scheduler, PolicyRepository policies, RunLauncher launcher) {
        this.scheduler = scheduler;
        this.policies = policies;
        this.launcher = launcher;
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

    /** Next fire time of a policy's job, or null when it has none; for operators and tests. */
    public Instant nextFireTime(UUID policyId) {
        Trigger trigger = scheduler.getScheduledJob(JOB_PREFIX + policyId);
        return trigger == null ? null : trigger.getNextFireTime();
    }

    private synchronized void apply(PolicyScheduleChanged change) {
        Long registered = registeredVersions.get(change.policyId());
        if (registered != null && registered > change.version()) {
            return;
        }
        String identity = JOB_PREFIX + change.policyId();
        scheduler.unscheduleJob(identity);
        registeredVersions.put(change.policyId(), change.version());
        if (change.cron() == null) {
            return;
        }
        UUID policyId = change.policyId();
        scheduler.newJob(identity)
                .setCron(change.cron())
                .setTimeZone(change.timeZone())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> launcher.fireScheduled(policyId))
                .schedule();
    }
}
