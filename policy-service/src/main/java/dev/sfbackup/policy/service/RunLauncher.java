package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.Policy;
import dev.sfbackup.policy.client.RunAlreadyActiveException;
import dev.sfbackup.policy.client.SessionRuns;
import dev.sfbackup.policy.client.SessionServiceRejectedException;
import dev.sfbackup.policy.client.RunStartUncertainException;
import dev.sfbackup.policy.client.SessionServiceUnavailableException;
import dev.sfbackup.policy.repository.PolicyRepository;
import dev.sfbackup.security.OrgScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/** Starts runs of a policy through session-service: by hand now, or when its schedule fires. */
@ApplicationScoped
public class RunLauncher {

    private static final Logger LOG = Logger.getLogger(RunLauncher.class);

    /** What a scheduled firing did. */
    public enum Firing {
        STARTED, SKIPPED_NOT_FIRABLE, SKIPPED_RUN_ACTIVE, FAILED
    }

    private final PolicyRepository policies;
    private final SessionRuns sessionRuns;
    private final OrgScope scope;
    private final Alerts alerts;

    public RunLauncher(PolicyRepository policies, SessionRuns sessionRuns, OrgScope scope, Alerts alerts) {
        this.policies = policies;
        this.sessionRuns = sessionRuns;
        this.scope = scope;
        this.alerts = alerts;
    }

    /** No transaction is held while session-service is called: the policy is read first, then the call is made. */
    public RunView startNow(UUID policyId) {
        PolicyView policy = load(policyId).filter(p -> scope.allows(p.connectionId()))
                .orElseThrow(() -> ApiProblem.notFound("policy", policyId));
        if (!policy.enabled()) {
            throw ApiProblem.conflict("enabled", "policy " + policyId + " is disabled; enable it before starting a run");
        }
        try {
            return sessionRuns.start(policyId, StartRun.Trigger.MANUAL);
        } catch (RunStartUncertainException | TimeoutException e) {
            throw new ApiProblem(504, "Gateway Timeout", "session-service did not confirm the start of a run of policy "
                    + policyId + "; it may have started: see session-service GET /api/v1/runs?policyId=" + policyId
                    + " before trying again", List.of());
        } catch (SessionServiceUnavailableException | FaultToleranceException e) {
            throw ApiProblem.unavailable("cannot start a run of policy " + policyId + " now: " + describe(e)
                    + "; try again when session-service is up");
        } catch (SessionServiceRejectedException e) {
            throw new ApiProblem(502, "Bad Gateway", e.getMessage(), List.of());
        }
    }

    public Firing fireScheduled(UUID policyId) {
        Optional<PolicyView> policy = load(policyId);
        if (policy.isEmpty() || !policy.get().enabled() || policy.get().schedule() == null) {
            LOG.infof("schedule of policy %s skipped: the policy is deleted, disabled or unscheduled", policyId);
            return Firing.SKIPPED_NOT_FIRABLE;
        }
        try {
            if (sessionRuns.hasActiveRun(policyId)) {
                LOG.infof("schedule of policy %s skipped: its previous run is still active", policyId);
                return missed(policyId, Firing.SKIPPED_RUN_ACTIVE, "the previous run is still running");
            }
            RunView run = sessionRuns.start(policyId, StartRun.Trigger.SCHEDULED);
            LOG.infof("schedule of policy %s started run %s", policyId, run == null ? null : run.id());
            return Firing.STARTED;
        } catch (RunAlreadyActiveException e) {
            LOG.infof("schedule of policy %s skipped: session-service reports an active run", policyId);
            return missed(policyId, Firing.SKIPPED_RUN_ACTIVE, "the previous run is still running");
        } catch (RuntimeException e) {
            LOG.warnf("schedule of policy %s could not start a run: %s", policyId, describe(e));
            return missed(policyId, Firing.FAILED, describe(e));
        }
    }

    /** A schedule that started no run is alerted; an alert that cannot be queued is logged, never thrown. */
    private Firing missed(UUID policyId, Firing firing, String why) {
        try {
            alerts.raise(new AlertEvent(policyId, null, AlertOutcome.MISSED_SCHEDULE, "scheduled run did not start: " + why));
        } catch (RuntimeException e) {
            LOG.warnf("missed schedule of policy %s not alerted: %s", policyId, e.getMessage());
        }
        return firing;
    }

    private Optional<PolicyView> load(UUID policyId) {
        return QuarkusTransaction.requiringNew().call(() -> policies.findByIdOptional(policyId).map(Policy::toView));
    }

    private static String describe(Throwable e) {
        return e instanceof FaultToleranceException ? "session-service did not answer in time (" + e.getClass().getSimpleName() + ")"
                : e.getMessage();
    }
}
