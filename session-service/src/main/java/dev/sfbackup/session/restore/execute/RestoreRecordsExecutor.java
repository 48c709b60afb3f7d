package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.client.PolicyClient;
import dev.sfbackup.session.client.SalesforceConnections;
import dev.sfbackup.session.config.BackupConfig;
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
import dev.sfbackup.session.restore.persistence.RestoreInsertIntents;
import dev.sfbackup.session.restore.persistence.RestoreJobs;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
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
    /**
     * Records read, compared and written at once when the object has at least the bulk threshold of them: an ingest job
     * costs about six calls whatever its size, so a chunk this large keeps a restore within a few calls per 10,000.
     */
    static final int BULK_CHUNK = 25_000;
    /** How often, in records read, a pass reading bulk chunks asks whether to start its org snapshot. */
    private static final int SNAPSHOT_CHECK_EVERY = 1_000;

    private final RestoreJobs jobs;
    private final RestoreIdMap idMap;
    private final RestoreReport report;
    private final StoredRecords stored;
    private final PolicyClient policies;
    private final SalesforceConnections connections;
    private final Clock clock;
    private final int bulkThreshold;
    private final int bulkMaxRecords;
    private final Duration bulkPollInterval;
    private final ObjectMapper json;
    private final RestoreInsertIntents intents;
    private final TestHalt halt;

    public RestoreRecordsExecutor(RestoreJobs jobs, RestoreIdMap idMap, RestoreReport report, StoredRecords stored,
            PolicyClient policies, SalesforceConnections connections, Clock clock, BackupConfig config, ObjectMapper json,
            RestoreInsertIntents intents) {
        this.intents = intents;
        this.halt = new TestHalt(config.restore().testHaltAfterCreateOf());
        this.jobs = jobs;
        this.idMap = idMap;
        this.report = report;
        this.stored = stored;
        this.policies = policies;
        this.connections = connections;
        this.clock = clock;
        this.bulkThreshold = config.restore().bulkThreshold();
        this.bulkMaxRecords = config.engine().bulkMaxRecords();
        this.bulkPollInterval = config.engine().bulkPollInterval();
        this.json = json;
    }

    @Override
    public String kind() {
        return RestoreTaskKind.RESTORE_RECORDS.name();
    }

    @Override
    public TaskOutcome execute(ClaimedTask task, TaskContext context) {
        return restore(task, context, false);
    }

    /**
     * Restores the task's object; {@code laterLookups}: writes only its lookups that close a cycle between objects (a
     * lookups task, once every object's records exist), else its records and their self-lookups.
     */
    TaskOutcome restore(ClaimedTask task, TaskContext context, boolean laterLookups) {
        RestoreJob job = jobs.find(task.runId()).orElseThrow(() -> new TaskInterrupted("restore " + task.runId() + " is gone"));
        List<ObjectSelection> selections = jobs.selections(task.runId());
        ObjectSelection selection = selections.stream().filter(candidate -> candidate.object().equals(task.object()))
                .findFirst().orElseThrow(() -> new TaskInterrupted("restore " + task.runId() + " selects no " + task.object()));
        SalesforceConnection org = connections.connect(policies.credentials(job.targetConnectionId()), bulkMaxRecords, bulkPollInterval);
        context.checkBudget(org);
        ApiCalls calls = new ApiCalls();
        calls.add(1);
        SObjectDescribe describe = org.describe(task.object());
        FieldRules rules = new FieldRules(describe, job.mappingOf(task.object()), selection.fields(), selection.laterLookups());
        Set<String> restoredObjects = selections.stream().map(ObjectSelection::object).collect(Collectors.toSet());
        LookupTargets lookups = new LookupTargets(org, task.object(), job, idMap, restoredObjects, calls);
        ObjectRestore restore = new ObjectRestore(job, task.object(), rules, org, lookups,
                new OrgWrites(org, calls, bulkThreshold), calls, idMap, report, context, clock, intents, halt);
        Predicate<ObjectNode> selected = new RecordSelector(job, selections, stored).of(task.object());

        boolean bulk = false;
        if (!laterLookups) {
            try (PassReads reads = new PassReads(org, describe, rules.firstWrite(), calls, json);
                    WriteBehind writes = new WriteBehind(task.object())) {
                bulk = inChunks(job, task.object(), selected, reads, false, (chunk, inOrg) -> writes.submit(restore.firstPass(chunk, inOrg)));
            }
        }
        List<RestorableField> later = laterLookups ? rules.laterLookups() : rules.selfLookups();
        if (laterLookups ? !later.isEmpty() : restore.anySelfLookupsWait()) {
            Predicate<ObjectNode> revisited = laterLookups
                    ? record -> later.stream().anyMatch(field -> !FieldValues.isEmpty(record.get(field.source())))
                    : record -> restore.selfLookupsWait(record.path("Id").asText());
            try (PassReads reads = new PassReads(org, describe, later, calls, json);
                    WriteBehind writes = new WriteBehind(task.object())) {
                inChunks(job, task.object(), selected.and(revisited), reads, bulk,
                        (chunk, inOrg) -> writes.submit(restore.laterPass(chunk, inOrg, later)));
            }
        }
        context.record(Progress.apiCalls(calls.take()));
        return outcome(task.object(), job, restore);
    }

    /**
     * Hands the selected records to the pass in chunks: of {@value #BULK_CHUNK} (at least the bulk threshold) when the
     * object has that many, so their writes go through Bulk API 2.0; else of {@value #CHUNK}, one sObject Collections
     * call each. Bulk chunks from the start when {@code bulkChunks} (a second pass over an object the first read in
     * them); answers whether it used them. Each chunk goes to the pass with where to read the org's current records.
     */
    private boolean inChunks(RestoreJob job, String object, Predicate<ObjectNode> selected, PassReads reads, boolean bulkChunks,
            BiConsumer<List<ObjectNode>, CurrentRecords> pass) {
        int bulkChunk = Math.max(BULK_CHUNK, bulkThreshold);
        List<ObjectNode> chunk = new ArrayList<>();
        boolean[] bulk = {bulkChunks};
        long[] read = {0};
        stored.forEach(job, object, selected, record -> {
            chunk.add(record);
            if (++read[0] >= bulkThreshold && read[0] % SNAPSHOT_CHECK_EVERY == 0) {
                reads.readSoFar(read[0]);
            }
            if (chunk.size() == bulkChunk) {
                bulk[0] = true;
                pass.accept(List.copyOf(chunk), reads.forChunk(chunk.size(), true));
                chunk.clear();
            }
        });
        bulk[0] |= chunk.size() >= bulkThreshold;
        if (bulk[0] && !chunk.isEmpty()) {
            pass.accept(List.copyOf(chunk), reads.forChunk(chunk.size(), true));
        } else {
            for (int from = 0; from < chunk.size(); from += CHUNK) {
                List<ObjectNode> small = List.copyOf(chunk.subList(from, Math.min(chunk.size(), from + CHUNK)));
                pass.accept(small, reads.forChunk(small.size(), false));
            }
        }
        return bulk[0];
    }

    private static TaskOutcome outcome(String object, RestoreJob job, ObjectRestore restore) {
        String done = object + ": " + restore.written + (job.dryRun() ? " records would be written" : " records written")
                + (restore.auditSkipReported ? " (audit fields skipped on recreated records, see the log)" : "");
        if (restore.failed > 0 && restore.written == 0) {
            return TaskOutcome.error(done + ", " + restore.failed + " rejected by Salesforce (see the report)");
        }
        if (restore.failed > 0 || restore.lookupsLeftEmpty > 0) { // records not restored, or not wholly: the session warns
            return TaskOutcome.partial(done + ", " + restore.failed + " rejected by Salesforce, " + restore.lookupsLeftEmpty
                    + " lookups left empty (see the report)");
        }
        return TaskOutcome.success(done);
    }
}
