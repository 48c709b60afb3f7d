package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.engine.ClaimedTask;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.engine.TaskExecutor;
import dev.sfbackup.session.engine.TaskInterrupted;
import dev.sfbackup.session.engine.TaskOutcome;
import dev.sfbackup.session.restore.ObjectSelection;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.RestoreTaskKind;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Restores one object's selected records into the target org (see {@link ObjectRestore}). A resumed task goes over
 * its object again: what the killed attempt wrote now compares UNCHANGED, and what it recreated is found in the id
 * map, so nothing is created twice.
 */
@ApplicationScoped
public class RestoreRecordsExecutor implements TaskExecutor {

    static final int CHUNK = 200;

    private final RestoreJobs jobs;
    private final RestoreIdMap idMap;
    private final RestoreReport report;
    private final StoredRecords stored;
    private final PolicyClient policies;
    private final SalesforceConnections connections;
    private final Clock clock;

    public RestoreRecordsExecutor(RestoreJobs jobs, RestoreIdMap idMap, RestoreReport report, StoredRecords stored,
            PolicyClient policies, SalesforceConnections connections, Clock clock) {
        this.jobs = jobs;
        this.idMap = idMap;
        this.report = report;
        this.stored = stored;
        this.policies = policies;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return RestoreTaskKind.RESTORE_RECORDS.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask task, TaskContext context) {
        RestoreJob job = jobs.find(task.runId()).orElseThrow(() -> new TaskInterrupted("restore " + task.runId() + " is gone"));
        List<ObjectSelection> selections = jobs.selections(task.runId());
        ObjectSelection selection = selections.stream().filter(candidate -> candidate.object().equals(task.object()))
                .findFirst().orElseThrow(() -> new TaskInterrupted("restore " + task.runId() + " selects no " + task.object()));
        SalesforceConnection org = connections.connect(policies.credentials(job.targetConnectionId()));
        context.checkBudget(org);
        ApiCalls calls = new ApiCalls();
        calls.add(1);
        SObjectDescribe describe = org.describe(task.object());
        FieldRules rules = new FieldRules(describe, job.mappingOf(task.object()), selection.fields());
        Set<String> restoredObjects = selections.stream().map(ObjectSelection::object).collect(Collectors.toSet());
        LookupTargets lookups = new LookupTargets(org, job, idMap, restoredObjects, calls);
        ObjectRestore restore = new ObjectRestore(job, task.object(), rules, org, lookups, calls, idMap, report, context, clock);
        Predicate<ObjectNode> selected = new RecordSelector(job, selections, stored).of(task.object());

        inChunks(job, task.object(), selected, restore::firstPass);
        if (!rules.selfLookups().isEmpty()) {
            Predicate<ObjectNode> withSelfLookup = record -> rules.selfLookups().stream()
                    .anyMatch(field -> !FieldValues.isEmpty(record.get(field.source())));
            inChunks(job, task.object(), selected.and(withSelfLookup), restore::secondPass);
        }
        context.record(Progress.apiCalls(calls.take()));
        return outcome(task.object(), job, restore);
    }

    private void inChunks(RestoreJob job, String object, Predicate<ObjectNode> selected, Consumer<List<ObjectNode>> pass) {
        List<ObjectNode> chunk = new ArrayList<>(CHUNK);
        stored.forEach(job, object, selected, record -> {
            chunk.add(record);
            if (chunk.size() == CHUNK) {
                pass.accept(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            pass.accept(List.copyOf(chunk));
        }
    }

    private static TaskOutcome outcome(String object, RestoreJob job, ObjectRestore restore) {
        String done = object + ": " + restore.written + (job.dryRun() ? " records would be written" : " records written");
        if (restore.failed > 0 && restore.written == 0) {
            return TaskOutcome.error(done + ", " + restore.failed + " rejected by Salesforce (see the report)");
        }
        if (restore.failed > 0 || restore.lookupsLeftEmpty > 0) {
            return TaskOutcome.warning(done + ", " + restore.failed + " rejected by Salesforce, " + restore.lookupsLeftEmpty
                    + " lookups left empty (see the report)");
        }
        return TaskOutcome.success(done);
    }
}
