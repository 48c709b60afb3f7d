package dev.sfbackup.session.backup;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.TaskInterrupted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy and decrypted connection credentials that the tasks of a backup run work with. Each engine instance reads
 * them from policy-service once per run (while planning it, or for its first task of the run) and its later tasks of
 * the run reuse them for {@code backup.engine.run-policy-reuse}; after that a task reads them again, so a long run
 * follows policy edits and new credentials as before. Without it a run of hundreds of objects made two calls to
 * policy-service per task, each with a decryption and a credentials-read audit event, before the task's first read.
 */
@ApplicationScoped
public class RunPolicies {

    /** What a run's tasks work with, as read at readAt. */
    public record RunPolicy(PolicyView policy, ConnectionCredentials credentials, Instant readAt) {
    }

    private final PolicyClient policies;
    private final Duration reuse;
    private final Clock clock;
    private final Map<UUID, RunPolicy> byRun = new ConcurrentHashMap<>();

    @Inject
    public RunPolicies(PolicyClient policies, BackupConfig config, Clock clock) {
        this(policies, config.engine().runPolicyReuse(), clock);
    }

    RunPolicies(PolicyClient policies, Duration reuse, Clock clock) {
        this.policies = policies;
        this.reuse = reuse;
        this.clock = clock;
    }

    /** Keeps what the planning of the run read, for the run's tasks on this instance. */
    public void remember(UUID runId, PolicyView policy, ConnectionCredentials credentials) {
        forgetOld();
        byRun.put(runId, new RunPolicy(policy, credentials, clock.instant()));
    }

    /** The run's policy and credentials, read from policy-service unless this instance read them recently. */
    public RunPolicy of(UUID runId, UUID policyId) {
        forgetOld();
        RunPolicy known = byRun.get(runId);
        if (known != null) {
            return known;
        }
        PolicyView policy = policies.policy(policyId)
                .orElseThrow(() -> new TaskInterrupted("policy " + policyId + " no longer exists"));
        RunPolicy read = new RunPolicy(policy, policies.credentials(policy.connectionId()), clock.instant());
        byRun.put(runId, read);
        return read;
    }

    private void forgetOld() {
        Instant oldest = clock.instant().minus(reuse);
        byRun.values().removeIf(known -> known.readAt().isBefore(oldest));
    }
}
