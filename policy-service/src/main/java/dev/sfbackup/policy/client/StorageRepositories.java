package dev.sfbackup.policy.client;

import dev.sfbackup.common.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one door to storage-service's repositories: a policy refers to a repository only after storage-service knows
 * the repository and has recorded the policy as its user, so the repository cannot be deleted from under the policy.
 */
@ApplicationScoped
public class StorageRepositories {

    private static final Logger LOG = Logger.getLogger(StorageRepositories.class);

    private final StorageRepositoriesClient client;

    public StorageRepositories(@RestClient StorageRepositoriesClient client) {
        this.client = client;
    }

    /** 422 naming repositoryId when storage-service has no such repository; 503 when it cannot be asked. */
    public void use(UUID repositoryId, UUID policyId) {
        try {
            register(repositoryId, policyId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ApiProblem.unprocessable("repositoryId", "repository " + repositoryId
                        + " does not exist in storage-service; create it with POST /api/v1/repositories there first");
            }
            throw ApiProblem.unavailable("storage-service answered " + e.getResponse().getStatus()
                    + " when asked about repository " + repositoryId + "; try again when it is up");
        } catch (ProcessingException | FaultToleranceException e) {
            throw ApiProblem.unavailable("storage-service cannot be reached to check repository " + repositoryId
                    + " (" + e.getMessage() + "); try again when it is up");
        }
    }

    /** Best effort: a registration left behind only keeps the repository from being deleted, never loses data. */
    public void stopUsing(UUID repositoryId, UUID policyId) {
        try {
            release(repositoryId, policyId);
        } catch (RuntimeException e) {
            LOG.warnf("could not tell storage-service that policy %s no longer uses repository %s (%s); the repository"
                    + " stays marked as used by it", policyId, repositoryId, e.getMessage());
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    void register(UUID repositoryId, UUID policyId) {
        client.register(repositoryId, policyId);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    void release(UUID repositoryId, UUID policyId) {
        client.release(repositoryId, policyId);
    }
}
