package dev.sfbackup.session.client;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** policy-service as plain tests see it: policies they put, credentials made up per connection, reads counted. */
public class CountingPolicyClient extends PolicyClient {

    private final Map<UUID, PolicyView> policies = new ConcurrentHashMap<>();
    private final AtomicInteger policyReads = new AtomicInteger();
    private final AtomicInteger credentialReads = new AtomicInteger();

    public CountingPolicyClient() {
        super(null);
    }

    public void put(PolicyView policy) {
        policies.put(policy.id(), policy);
    }

    @Override
    public Optional<PolicyView> policy(UUID policyId) {
        policyReads.incrementAndGet();
        return Optional.ofNullable(policies.get(policyId));
    }

    @Override
    public ConnectionCredentials credentials(UUID connectionId) {
        credentialReads.incrementAndGet();
        return new ConnectionCredentials(connectionId, "https://login.example.test", "62.0", null, "client", "secret", null, null);
    }

    public int policyReads() {
        return policyReads.get();
    }

    public int credentialReads() {
        return credentialReads.get();
    }
}
