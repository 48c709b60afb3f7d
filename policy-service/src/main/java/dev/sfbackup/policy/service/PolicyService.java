package dev.sfbackup.policy.service;

import dev.sfbackup.api.policy.PolicyChange;
import dev.sfbackup.api.policy.PolicyHistoryEntry;
import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyRequest;
import dev.sfbackup.api.policy.PolicySchedule;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.Policy;
import dev.sfbackup.policy.PolicyHistory;
import dev.sfbackup.policy.client.StorageRepositories;
import dev.sfbackup.policy.repository.ConnectionRepository;
import dev.sfbackup.policy.repository.PolicyHistoryRepository;
import dev.sfbackup.policy.repository.PolicyRepository;
import dev.sfbackup.security.OrgScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Policies: create, replace, enable/disable, delete, each change versioned and written to the policy's history. A caller
 * limited to some orgs sees only the policies of their connections (the others answer 404) and cannot point a policy
 * at another org's connection.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final ConnectionRepository connections;
    private final PolicyHistoryRepository history;
    private final Event<PolicyScheduleChanged> scheduleChanged;
    private final OrgScope scope;
    private final StorageRepositories repositories;
    private final ActiveRuns activeRuns;
    private final Clock clock;

    public PolicyService(PolicyRepository policies, ConnectionRepository connections, PolicyHistoryRepository history,
            Event<PolicyScheduleChanged> scheduleChanged, OrgScope scope, StorageRepositories repositories,
            ActiveRuns activeRuns, Clock clock) {
        this.repositories = repositories;
        this.activeRuns = activeRuns;
        this.clock = clock;
        this.policies = policies;
        this.connections = connections;
        this.history = history;
        this.scheduleChanged = scheduleChanged;
        this.scope = scope;
    }

    @Transactional
    public PolicyView create(PolicyRequest request) {
        PolicyValidator.check(request, clock.instant());
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        useRepository(request.repositoryId(), policy.id);
        policy.createdAt = Instant.now();
        policy.enabled = PolicyDefaults.orDefault(request.enabled(), true);
        apply(request, policy);
        policies.persist(policy);
        policies.flush();
        recordAndAnnounce(policy, PolicyChange.CREATED);
        return policy.toView();
    }

    @Transactional
    public List<PolicyView> list() {
        return policies.listByName().stream().filter(p -> scope.allows(p.connectionId)).map(Policy::toView).toList();
    }

    @Transactional
    public PolicyView get(UUID id) {
        return find(id).toView();
    }

    /** Replaces the policy; omitted members take their defaults, except enabled which keeps its state when omitted. */
    @Transactional
    public PolicyView update(UUID id, long expectedVersion, PolicyRequest request) {
        Policy policy = find(id);
        requireVersion(policy, expectedVersion);
        PolicyValidator.check(request, clock.instant());
        UUID previousRepository = policy.repositoryId;
        if (!Objects.equals(previousRepository, request.repositoryId())) {
            useRepository(request.repositoryId(), policy.id);
        }
        if (request.enabled() != null) {
            policy.enabled = request.enabled();
        }
        apply(request, policy);
        if (previousRepository != null && !previousRepository.equals(request.repositoryId())) {
            repositories.stopUsing(previousRepository, policy.id);
        }
        policies.flush();
        recordAndAnnounce(policy, PolicyChange.UPDATED);
        return policy.toView();
    }

    /** @param expectedVersion null when the caller sent no If-Match: enabling is safe to repeat */
    @Transactional
    public PolicyView setEnabled(UUID id, boolean enabled, Long expectedVersion) {
        Policy policy = find(id);
        if (expectedVersion != null) {
            requireVersion(policy, expectedVersion);
        }
        if (policy.enabled != enabled) {
            policy.enabled = enabled;
            policy.updatedAt = Instant.now();
            policies.flush();
            recordAndAnnounce(policy, enabled ? PolicyChange.ENABLED : PolicyChange.DISABLED);
        }
        return policy.toView();
    }

    /** Refused while a run of the policy is active: the run would commit restore points of a policy that is gone. */
    @Transactional
    public void delete(UUID id, long expectedVersion) {
        Policy policy = find(id);
        requireVersion(policy, expectedVersion);
        activeRuns.refuseWhileActive(id);
        policies.delete(policy);
        if (policy.repositoryId != null) {
            repositories.stopUsing(policy.repositoryId, policy.id);
        }
        scheduleChanged.fire(PolicyScheduleChanged.deleted(policy));
    }

    @Transactional
    public List<PolicyHistoryEntry> history(UUID id) {
        find(id);
        return history.listOldestFirst(id).stream().map(PolicyHistory::toEntry).toList();
    }

    Policy find(UUID id) {
        Policy policy = policies.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("policy", id));
        scope.requireVisible(policy.connectionId, "policy", id);
        return policy;
    }

    private static void requireVersion(Policy policy, long expectedVersion) {
        if (policy.version != expectedVersion) {
            throw ApiProblem.preconditionFailed("policy " + policy.id + " is at version " + policy.version + ", not "
                    + expectedVersion + ": someone changed it since you read it; GET it again and reapply your change");
        }
    }

    private void useRepository(UUID repositoryId, UUID policyId) {
        if (repositoryId != null) {
            repositories.use(repositoryId, policyId);
        }
    }

    private void recordAndAnnounce(Policy policy, PolicyChange change) {
        history.persist(PolicyHistory.of(policy, change, null, null));
        scheduleChanged.fire(PolicyScheduleChanged.of(policy));
    }

    private void apply(PolicyRequest request, Policy policy) {
        if (connections.findByIdOptional(request.connectionId()).isEmpty() || !scope.allows(request.connectionId())) {
            throw ApiProblem.unprocessable("connectionId", "connection " + request.connectionId()
                    + " does not exist; create it with POST /api/v1/connections first");
        }
        if (policies.nameTakenByOther(request.name().strip(), policy.id)) {
            throw ApiProblem.conflict("name", "a policy named '" + request.name().strip() + "' already exists; names are unique");
        }
        policy.name = request.name().strip();
        policy.connectionId = request.connectionId();
        policy.repositoryId = request.repositoryId();
        applyScope(request.scope(), policy);
        applySchedule(request.schedule(), policy);
        policy.retentionDays = request.retentionDays() == null ? PolicyDefaults.RETENTION_DAYS : request.retentionDays();
        applyOptions(request.options(), policy);
        policy.updatedAt = Instant.now();
    }

    private static void applyScope(PolicyScope scope, Policy policy) {
        PolicyScope given = scope == null ? new PolicyScope(null, null, null, null, null, null, null) : scope;
        policy.scopeObjects = given.objects() == null ? PolicyDefaults.OBJECTS : List.copyOf(given.objects());
        policy.scopeExclude = given.exclude() == null ? List.of() : List.copyOf(given.exclude());
        policy.autoAddNewObjects = PolicyDefaults.orDefault(given.autoAddNewObjects(), PolicyDefaults.AUTO_ADD);
        policy.autoAddNewFields = PolicyDefaults.orDefault(given.autoAddNewFields(), PolicyDefaults.AUTO_ADD);
        policy.includeFiles = PolicyDefaults.orDefault(given.includeFiles(), PolicyDefaults.INCLUDE_FILES);
        policy.includeMetadata = PolicyDefaults.orDefault(given.includeMetadata(), PolicyDefaults.INCLUDE_METADATA);
        policy.fieldExclusions = given.fieldExclusions() == null ? Map.of() : Map.copyOf(given.fieldExclusions());
    }

    private static void applySchedule(PolicySchedule schedule, Policy policy) {
        policy.scheduleCron = schedule == null ? null : schedule.cron().strip();
        policy.scheduleTimeZone = schedule == null ? null
                : schedule.timeZone() == null ? PolicyDefaults.TIME_ZONE : schedule.timeZone();
    }

    private static void applyOptions(PolicyOptions options, Policy policy) {
        PolicyOptions given = options == null ? new PolicyOptions(null, null, null, null) : options;
        policy.largeObjectThreshold = given.largeObjectThreshold() == null ? PolicyDefaults.LARGE_OBJECT_THRESHOLD : given.largeObjectThreshold();
        policy.inactivityTimeoutMillis = (given.inactivityTimeout() == null ? PolicyDefaults.INACTIVITY_TIMEOUT : given.inactivityTimeout()).toMillis();
        policy.parallelism = given.parallelism() == null ? PolicyDefaults.PARALLELISM : given.parallelism();
        policy.apiBudgetPercent = given.apiBudgetPercent() == null ? PolicyDefaults.API_BUDGET_PERCENT : given.apiBudgetPercent();
    }
}
