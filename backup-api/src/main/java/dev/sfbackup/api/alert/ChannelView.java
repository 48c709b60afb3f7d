package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notification channel. */
@RegisterForReflection
public record ChannelView(UUID id, String name, ChannelType type, String url, boolean slackFormat, List<String> recipients,
        boolean enabled, Instant createdAt) {
}
