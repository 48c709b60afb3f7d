package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Something that happened to a policy, reported to policy-service (POST /internal/v1/alerts by session-service) which
 * sends it to the policy's subscribed channels. {@code runId} is null when there is no run (a missed schedule);
 * {@code what} is one line for a person.
 */
@RegisterForReflection
public record AlertEvent(UUID policyId, UUID runId, AlertOutcome outcome, String what) {
}
