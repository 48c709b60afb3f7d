package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Decrypted credentials of a connection, served only by GET /internal/v1/connections/{id}/credentials to services that
 * present the X-Service-Token header. The secret of the flow not in use is null.
 */
@RegisterForReflection
public record ConnectionCredentials(UUID id, String loginUrl, String apiVersion, ConnectionFlow flow, String clientId,
        String clientSecret, String username, String privateKeyPem) {

    /** Secrets never reach a log line, even when the record is printed by accident. */
    @Override
    public String toString() {
        return "ConnectionCredentials[id=" + id + ", loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", flow=" + flow
                + ", clientId=" + clientId + ", username=" + username + ", secrets redacted]";
    }
}
