package dev.sfbackup.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one door to session-service's run API. Transient failures (unreachable, timeout, 5xx) are retried and counted by
 * the circuit breaker; a 409 (run active) or another 4xx is an answer, never retried. Callers also get
 * FaultToleranceException (timeout, open circuit) and treat it as unavailable.
 */
@ApplicationScoped
public class SessionRuns {

    private final SessionRunsClient client;

    public SessionRuns(@RestClient SessionRunsClient client) {
        this.client = client;
    }

    /**
     * Starting a run is not idempotent: only a call that never reached session-service (connection refused) is
     * retried. A call that timed out may have started the run, so it is reported, never repeated.
     */
    @Timeout(value = 35, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = { RunAlreadyActiveException.class, SessionServiceRejectedException.class,
            RunStartUncertainException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { RunAlreadyActiveException.class, SessionServiceRejectedException.class })
    public RunView start(UUID policyId, StartRun.Trigger trigger) {
        try {
            return client.start(new StartRun(policyId, trigger));
        } catch (WebApplicationException e) {
            throw translate(e, "POST /api/v1/runs");
        } catch (ProcessingException e) {
            if (rootCause(e) instanceof ConnectException) {
                throw unreachable(e);
            }
            throw new RunStartUncertainException("session-service did not answer the start of a run of policy " + policyId
                    + " (" + rootCause(e) + "); the run may have started: see GET /api/v1/runs?policyId=" + policyId, e);
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = { RunAlreadyActiveException.class, SessionServiceRejectedException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = { RunAlreadyActiveException.class, SessionServiceRejectedException.class })
    public boolean hasActiveRun(UUID policyId) {
        try {
            JsonNode answer = client.find(policyId, true);
            JsonNode runs = answer != null && answer.isObject() ? answer.get("items") : answer;
            return runs != null && runs.isArray() && !runs.isEmpty();
        } catch (WebApplicationException e) {
            throw translate(e, "GET /api/v1/runs");
        } catch (ProcessingException e) {
            throw unreachable(e);
        }
    }

    private static RuntimeException translate(WebApplicationException e, String call) {
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status == 409) {
            String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
            return new RunAlreadyActiveException(bodyOf(response), contentType);
        }
        if (status == 404 || status >= 500) {
            return new SessionServiceUnavailableException("session-service answered " + status + " to " + call
                    + (status == 404 ? " (its run API is not available yet)" : ""), e);
        }
        return new SessionServiceRejectedException(status, "session-service answered " + status + " to " + call + ": " + bodyOf(response));
    }

    private static SessionServiceUnavailableException unreachable(ProcessingException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new SessionServiceUnavailableException("session-service is unreachable: " + cause, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String bodyOf(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
