package dev.sfbackup.session.client;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** policy-service as the engine sees it: policies, decrypted connection credentials, scope extensions. */
@ApplicationScoped
public class PolicyClient {

    private static final String SERVICE = "policy-service";

    private final PolicyRestClient rest;

    public PolicyClient(@RestClient PolicyRestClient rest) {
        this.rest = rest;
    }

    /** Empty when policy-service does not know the policy. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<PolicyView> policy(UUID policyId) {
        try {
            return Optional.of(rest.policy(policyId));
        } catch (WebApplicationException error) {
            RuntimeException classified = RemoteErrors.classify(SERVICE, error);
            if (classified instanceof RemoteCallRejected rejected && rejected.status() == 404) {
                return Optional.empty();
            }
            throw classified;
        }
    }

    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public ConnectionCredentials credentials(UUID connectionId) {
        try {
            return rest.credentials(connectionId);
        } catch (WebApplicationException error) {
            throw RemoteErrors.classify(SERVICE, error);
        }
    }

    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public ScopeExtensionResult extendScope(UUID policyId, ScopeExtension extension) {
        try {
            return rest.extendScope(policyId, extension);
        } catch (WebApplicationException error) {
            throw RemoteErrors.classify(SERVICE, error);
        }
    }

    /** Hands an alert to policy-service, which sends it to the policy's channels in the background. */
    @Retry(maxRetries = 2, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public void alert(AlertEvent event) {
        try {
            rest.alert(event);
        } catch (WebApplicationException error) {
            throw RemoteErrors.classify(SERVICE, error);
        }
    }
}
