package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Something that happened to a policy, reported to policy-service (POST /internal/v1/alerts by session-service and
 * storage-service) which sends it to the policy's subscribed channels. {@code runId} is null when there is no run (a
 * missed schedule, a cache that waits); {@code what} is one line for a person. {@code key} names the occurrence: a
 * second report with the same key (a retry, another replica) is not sent again; when absent, a run's id and the
 * outcome are the key.
 */
@RegisterForReflection
public record AlertEvent(UUID policyId, UUID runId, AlertOutcome outcome, String what, String key) {

    public AlertEvent(UUID policyId, UUID runId, AlertOutcome outcome, String what) {
        this(policyId, runId, outcome, what, null);
    }
}
