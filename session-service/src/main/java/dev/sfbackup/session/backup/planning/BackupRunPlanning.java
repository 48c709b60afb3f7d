package dev.sfbackup.session.backup.planning;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.PolicyOptions;
import dev.sfbackup.api.policy.PolicyScope;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.policy.ScopeExtension;
import dev.sfbackup.api.policy.ScopeExtensionResult;
import dev.sfbackup.api.session.BackupKind;
import dev.sfbackup.salesforce.GlobalDescribe;
import dev.sfbackup.salesforce.SObjectSummary;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.CatalogEntry;
import dev.sfbackup.session.backup.RunPolicies;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.Awaited;
import dev.sfbackup.session.repository.CatalogRepository;
import dev.sfbackup.session.service.PlannedRun;
import dev.sfbackup.session.service.RunPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Turns a policy into a backup run plan by asking the org what it holds and storage what was backed up before. */
@ApplicationScoped
public class BackupRunPlanning {

    private final PolicyClient policies;
    private final RunPolicies runPolicies;
    private final StorageClient storage;
    private final SalesforceConnections connections;
    private final CatalogRepository catalog;
    private final Clock clock;

    public BackupRunPlanning(PolicyClient policies, RunPolicies runPolicies, StorageClient storage,
            SalesforceConnections connections, CatalogRepository catalog, Clock clock) {
        this.policies = policies;
        this.runPolicies = runPolicies;
        this.storage = storage;
        this.connections = connections;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Holds no transaction across the calls to the org, policy-service and storage-service (a slow org must not outlast
     * a transaction timeout): the catalog is read and written in short transactions of their own. The policy and the
     * credentials read here are kept for the run's tasks on this instance (see {@link RunPolicies}).
     */
    public PlannedRun plan(UUID runId, PolicyView policy) {
        // storage answers while the credentials are read and the org describes itself
        CompletableFuture<Boolean> committed = Awaited.alongside("run-planning",
                () -> storage.hasCommittedPoint(policy.id(), null));
        ConnectionCredentials credentials = policies.credentials(policy.connectionId());
        runPolicies.remember(runId, policy, credentials);
        SalesforceConnection org = connections.connect(credentials);
        GlobalDescribe global = org.describeGlobal();
        BackupKind kind = Awaited.resultOf(committed, "storage's committed restore points")
                ? BackupKind.INCREMENTAL : BackupKind.INITIAL;
        List<String> decisions = new ArrayList<>();
        decisions.add("run is " + kind + (kind == BackupKind.INITIAL
                ? ": the policy has no committed restore point yet" : ": the policy has committed restore points"));
        Map<String, CatalogEntry> known = QuarkusTransaction.requiringNew().call(() -> catalogOf(policy.id()));
        Set<String> ignored = known.values().stream().filter(entry -> entry.ignored).map(entry -> entry.objectName)
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
        PolicyScope scope = policy.scope();
        ScopeDecision decision = ScopeResolver.resolve(scope, global.sobjects(), known.keySet(), ignored);
        decision.skipped().forEach((object, reason) -> decisions.add("skipped " + object + ": " + reason));
        List<String> objects = new ArrayList<>(decision.objects());
        Set<String> newlyIgnored = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (!decision.newObjects().isEmpty()) {
            ScopeExtensionResult result = policies.extendScope(policy.id(), new ScopeExtension(decision.newObjects(),
                    Map.of(), "new objects found in the org by an incremental run"));
            for (String added : orEmpty(result.addedObjects())) {
                decisions.add("new object " + added + " added to the policy scope (autoAddNewObjects is on)");
                objects.add(added);
            }
            for (String notAdded : orEmpty(result.ignoredObjects())) {
                decisions.add("new object " + notAdded + " ignored: policy-service did not add it to the scope"
                        + " (autoAddNewObjects is off or the object is excluded)");
                newlyIgnored.add(notAdded);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> remember(policy.id(), global, newlyIgnored));
        Map<String, Long> counts = objects.isEmpty() ? Map.of() : lowerCaseKeys(org.recordCounts(objects));
        Map<String, Long> objectCounts = new LinkedHashMap<>();
        objects.forEach(object -> objectCounts.put(object, counts.get(object.toLowerCase())));
        PolicyOptions options = policy.options();
        RunPlan plan = RunPlanner.plan(new PlanInput(isOn(scope.includeMetadata()), isOn(scope.includeFiles()),
                options.largeObjectThreshold() == null ? 20_000_000L : options.largeObjectThreshold(),
                options.parallelism() == null ? 4 : options.parallelism(), objectCounts));
        decisions.add("planned " + plan.sessions().size() + " sessions with " + plan.taskCount() + " tasks, at most "
                + plan.parallelism() + " at once; " + objects.size() + " objects in scope");
        return new PlannedRun(kind, plan, decisions);
    }

    private Map<String, CatalogEntry> catalogOf(UUID policyId) {
        return catalog.byPolicy(policyId).stream().collect(Collectors.toMap(entry -> entry.objectName, entry -> entry));
    }

    private void remember(UUID policyId, GlobalDescribe global, Set<String> newlyIgnored) {
        Map<String, CatalogEntry> known = catalogOf(policyId);
        for (SObjectSummary object : global.sobjects()) {
            CatalogEntry entry = known.get(object.name());
            if (entry == null) {
                entry = new CatalogEntry();
                entry.policyId = policyId;
                entry.objectName = object.name();
                entry.updatedAt = clock.instant();
                catalog.persist(entry);
            }
            if (newlyIgnored.contains(object.name())) {
                entry.ignored = true;
                entry.updatedAt = clock.instant();
            }
        }
    }

    private static Map<String, Long> lowerCaseKeys(Map<String, Long> counts) {
        Map<String, Long> lower = new HashMap<>();
        counts.forEach((name, count) -> lower.put(name.toLowerCase(), count));
        return lower;
    }

    private static boolean isOn(Boolean flag) {
        return flag == null || flag;
    }

    private static List<String> orEmpty(List<String> names) {
        return names == null ? List.of() : names;
    }
}
