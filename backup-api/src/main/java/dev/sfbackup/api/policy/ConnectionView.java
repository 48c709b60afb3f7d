package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/** A connection as the public API shows it: which secrets are stored, never their values. */
@RegisterForReflection
public record ConnectionView(UUID id, String name, String loginUrl, String apiVersion, ConnectionFlow flow, String clientId,
        String username, boolean clientSecretStored, boolean privateKeyStored, Instant createdAt, Instant updatedAt) {
}
