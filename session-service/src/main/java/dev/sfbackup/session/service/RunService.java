package dev.sfbackup.session.service;

import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.session.RunView;
import dev.sfbackup.api.session.StartRun;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.session.Run;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.repository.RunAnomalyRepository;
import dev.sfbackup.session.repository.RunRepository;
import dev.sfbackup.session.repository.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts runs and answers questions about them. A start records the run PENDING at once and leaves its planning (which
 * talks to the org) to {@link RunPlanningStep}, so every run asked for exists and ends with a status and a reason. A run starts only for an enabled policy, and a caller limited to some
 * orgs starts and sees only the runs of their policies (others answer as if they did not exist).
 */
@ApplicationScoped
public class RunService {

    private static final String UNIQUE_VIOLATION = "23505";

    private final PolicyClient policies;
    private final RunPlanningStep planning;
    private final RunStore store;
    private final RunRepository runs;
    private final SessionRepository sessions;
    private final RunAnomalyRepository anomalies;
    private final OrgScope scope;

    public RunService(PolicyClient policies, RunPlanningStep planning, RunStore store, RunRepository runs,
            SessionRepository sessions, RunAnomalyRepository anomalies, OrgScope scope) {
        this.anomalies = anomalies;
        this.policies = policies;
        this.planning = planning;
        this.store = store;
        this.runs = runs;
        this.sessions = sessions;
        this.scope = scope;
    }

    public RunView start(StartRun request) {
        if (request == null || request.policyId() == null) {
            throw ApiProblem.badRequest("policyId", "is required (the UUID of a policy in policy-service)");
        }
        StartRun.Trigger trigger = request.trigger() == null ? StartRun.Trigger.MANUAL : request.trigger();
        PolicyView policy = fetchPolicy(request.policyId());
        if (!policy.enabled()) {
            throw ApiProblem.conflict("enabled", "policy " + policy.id() + " is disabled; enable it before starting a run");
        }
        Run run = reserve(policy, trigger);
        planning.begin(run.id, policy);
        return Views.run(run, List.of());
    }

    @Transactional
    public RunView get(UUID runId) {
        Run run = Optional.ofNullable(runs.findById(runId)).filter(found -> scope.allows(found.connectionId))
                .orElseThrow(() -> ApiProblem.notFound("run", runId));
        return Views.run(run, sessions.byRun(runId), anomalies.ofRun(runId));
    }

    @Transactional
    public List<RunView> list(UUID policyId, Boolean active) {
        return runs.listByPolicy(policyId, active, scope.limitedTo()).stream()
                .map(run -> Views.run(run, sessions.byRun(run.id), anomalies.ofRun(run.id))).toList();
    }

    private PolicyView fetchPolicy(UUID policyId) {
        Optional<PolicyView> policy;
        try {
            policy = policies.policy(policyId);
        } catch (RuntimeException e) {
            throw ApiProblem.unavailable("policy-service cannot be reached to read policy " + policyId + ": " + e.getMessage());
        }
        return policy.filter(found -> scope.allows(found.connectionId()))
                .orElseThrow(() -> ApiProblem.unprocessable("policyId", "policy " + policyId + " does not exist in policy-service"));
    }

    private Run reserve(PolicyView policy, StartRun.Trigger trigger) {
        if (!runs.listByPolicy(policy.id(), true).isEmpty()) {
            throw activeRunConflict(policy.id());
        }
        try {
            return store.reserve(policy, trigger);
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw activeRunConflict(policy.id());
            }
            throw e;
        }
    }

    private static ApiProblem activeRunConflict(UUID policyId) {
        return ApiProblem.conflict("policyId", "policy " + policyId + " already has an active run; wait for it to end or stop its sessions");
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
