package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** Which channels hear about a policy, and for which outcomes (GET/PUT /api/v1/policies/{id}/alerts). */
@RegisterForReflection
public record AlertSubscription(List<UUID> channelIds, List<AlertOutcome> outcomes) {
}
