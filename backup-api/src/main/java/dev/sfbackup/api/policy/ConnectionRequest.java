package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of POST and PUT /api/v1/connections. Secrets (clientSecret, privateKeyPem) are write-only; on PUT an omitted
 * secret keeps the stored one. apiVersion defaults to "62.0".
 */
@RegisterForReflection
public record ConnectionRequest(String name, String loginUrl, String apiVersion, ConnectionFlow flow, String clientId,
        String clientSecret, String username, String privateKeyPem) {

    /** Secrets never reach a log line, even when a request is printed by accident. */
    @Override
    public String toString() {
        return "ConnectionRequest[name=" + name + ", loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", flow=" + flow
                + ", clientId=" + clientId + ", username=" + username + ", secrets redacted]";
    }
}
