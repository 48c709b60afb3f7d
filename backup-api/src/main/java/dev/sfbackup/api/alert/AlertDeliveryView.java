package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** One alert to one channel: PENDING (waiting for its next attempt), SENT or FAILED (attempts used up). */
@RegisterForReflection
public record AlertDeliveryView(long id, UUID channelId, UUID policyId, UUID runId, AlertOutcome outcome, String message,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
