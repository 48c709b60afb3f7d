package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreAction;
import dev.sfbackup.api.restore.RestoreReportLine;
import dev.sfbackup.salesforce.SaveResult;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import dev.sfbackup.session.restore.persistence.RestoreInsertIntents;
import dev.sfbackup.session.restore.persistence.RestoreReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Restores the stored records of one object, a chunk at a time. First pass: compares each record with the org's
 * (queryAll, so the recycle bin is seen) and undeletes, recreates or updates it, with its lookups to the object's own
 * records when their targets are live in the org already; second pass: writes the self-lookups that waited for their
 * targets, once every record of the object exists. A dry run decides and reports the same without writing.
 */
final class ObjectRestore {

    private static final String DRY_RUN = "PLANNED";
    private static final String OK = "OK";
    private static final String INACTIVE_OWNER = "INACTIVE_OWNER_OR_USER";
    private static final String OWNER = "OwnerId";

    private final RestoreJob job;
    private final String object;
    private final FieldRules rules;
    private final SalesforceConnection org;
    private final LookupTargets lookups;
    private final OrgWrites writes;
    private final ApiCalls calls;
    private final RestoreIdMap idMap;
    private final RestoreReport report;
    private final TaskContext context;
    private final Clock clock;
    private final RestoreInsertIntents intents;
    private final TestHalt halt;
    /** Counted by the write steps. */
    long written;
    long failed;
    /** Counted while comparing. */
    long lookupsLeftEmpty;
    /** Whether the task said that recreated records lose their audit fields (once per object, not per record). */
    boolean auditSkipReported;
    /** Backup ids of the records whose self-lookups wait for the second pass: their targets were not live in the org. */
    private final Set<String> waitingSelfLookups = new HashSet<>();

    ObjectRestore(RestoreJob job, String object, FieldRules rules, SalesforceConnection org, LookupTargets lookups,
            OrgWrites writes, ApiCalls calls, RestoreIdMap idMap, RestoreReport report, TaskContext context, Clock clock,
            RestoreInsertIntents intents, TestHalt halt) {
        this.intents = intents;
        this.halt = halt;
        this.job = job;
        this.object = object;
        this.rules = rules;
        this.org = org;
        this.lookups = lookups;
        this.writes = writes;
        this.calls = calls;
        this.idMap = idMap;
        this.report = report;
        this.context = context;
        this.clock = clock;
    }

    /**
     * Compares the chunk with the org (inOrg: where to read its current records) and answers the step that writes and
     * reports it, which may run on another thread while the next chunk is compared.
     */
    Runnable firstPass(List<ObjectNode> stored, CurrentRecords inOrg) {
        context.checkBudget(org);
        Map<String, String> targetIds = targetIds(stored);
        Map<String, ObjectNode> current = inOrg.of(targetIds.values());
        lookups.prepare(stored, rules.firstWrite().stream().filter(RestorableField::lookup).toList(), inOrg);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (ObjectNode record : stored) {
            String backupId = record.path("Id").asText();
            String targetId = targetIds.get(backupId);
            outcomes.add(decide(record, backupId, targetId, current.get(targetId)));
        }
        reportSkippedAudit(outcomes);
        return () -> {
            if (!job.dryRun()) {
                write(outcomes);
            }
            finish(stored.size(), outcomes);
        };
    }

    /**
     * The lookups of these records written after their targets: the self-lookups once every record of the object
     * exists, or (a lookups task) those closing a cycle between objects once every object's records exist. Compares
     * like {@link #firstPass} and answers the step that writes.
     */
    Runnable laterPass(List<ObjectNode> stored, CurrentRecords inOrg, List<RestorableField> fields) {
        context.checkBudget(org);
        lookups.forgetMissing();
        Map<String, String> targetIds = targetIds(stored);
        Map<String, ObjectNode> current = inOrg.of(targetIds.values());
        lookups.prepare(stored, fields, inOrg);
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (ObjectNode record : stored) {
            String backupId = record.path("Id").asText();
            String targetId = targetIds.get(backupId);
            ObjectNode now = current.get(targetId);
            if (now == null && !job.dryRun()) {
                continue; // not restored in the first pass: its line says why
            }
            RecordOutcome outcome = new RecordOutcome(backupId, now == null ? null : targetId, RestoreAction.UPDATE,
                    JsonNodeFactory.instance.objectNode());
            differences(record, now == null ? JsonNodeFactory.instance.objectNode() : now, fields, outcome);
            if (!outcome.changedFields.isEmpty() || !outcome.notes.isEmpty()) {
                outcomes.add(outcome);
            }
        }
        return () -> {
            if (!job.dryRun()) {
                update(outcomes.stream().filter(outcome -> !outcome.changedFields.isEmpty()).toList());
            }
            finish(0, outcomes);
        };
    }

    /** Once per object, when it recreates records: which audit fields they cannot keep in the target org. */
    private void reportSkippedAudit(List<RecordOutcome> outcomes) {
        if (auditSkipReported || rules.skippedAuditFields().isEmpty()
                || outcomes.stream().noneMatch(outcome -> outcome.action == RestoreAction.RECREATE)) {
            return;
        }
        auditSkipReported = true;
        context.warn(object + ": audit fields " + String.join(", ", rules.skippedAuditFields()) + " skipped on "
                + (job.dryRun() ? "the records a restore would recreate" : "recreated records")
                + ": the target org does not allow setting them (Set Audit Fields upon Record Creation); Salesforce sets them now");
    }

    private RecordOutcome decide(ObjectNode record, String backupId, String targetId, ObjectNode now) {
        if (now == null) {
            if (!job.recreates()) {
                return skip(backupId, "missing from the org; mode UPDATE writes only records that exist");
            }
            RecordOutcome outcome = new RecordOutcome(backupId, null, RestoreAction.RECREATE, JsonNodeFactory.instance.objectNode());
            insertBody(record, outcome);
            if (selfLookupsNow(record, null, outcome)) {
                waitingSelfLookups.add(backupId);
            }
            return outcome;
        }
        boolean deleted = now.path("IsDeleted").asBoolean(false);
        if (deleted && !job.recreates()) {
            return skip(backupId, "in the recycle bin; mode UPDATE writes only records that exist");
        }
        RecordOutcome outcome = new RecordOutcome(backupId, targetId, deleted ? RestoreAction.UNDELETE : RestoreAction.UPDATE,
                JsonNodeFactory.instance.objectNode());
        differences(record, now, rules.firstPass(), outcome);
        boolean selfLookupsWait = selfLookupsNow(record, now, outcome);
        if (!deleted && outcome.changedFields.isEmpty()) {
            outcome.action = RestoreAction.UNCHANGED;
        } else if (!deleted && !job.updates()) {
            return skip(backupId, "differs from the backup in " + outcome.changedFields + "; mode RECREATE writes only missing records");
        }
        if (selfLookupsWait) {
            waitingSelfLookups.add(backupId);
        }
        return outcome;
    }

    /** Whether the second pass must come back to this record: one of its self-lookups waits for its target. */
    boolean selfLookupsWait(String backupId) {
        return waitingSelfLookups.contains(backupId);
    }

    boolean anySelfLookupsWait() {
        return !waitingSelfLookups.isEmpty();
    }

    /**
     * Puts into the outcome's body the self-lookups that can be written with the record's first write: empty ones, and
     * those whose target is live in the org (or was recreated, as the id map says); answers whether any other waits.
     * {@code now}: the org's record, null when the record is to be created.
     */
    private boolean selfLookupsNow(ObjectNode record, ObjectNode now, RecordOutcome outcome) {
        boolean waits = false;
        for (RestorableField field : rules.selfLookups()) {
            JsonNode wanted = record.get(field.source());
            if (!FieldValues.isEmpty(wanted)) {
                Optional<String> target = lookups.liveTarget(field, wanted.asText());
                if (target.isEmpty()) {
                    waits = true;
                    continue;
                }
                wanted = JsonNodeFactory.instance.textNode(target.get());
            } else {
                wanted = JsonNodeFactory.instance.nullNode();
            }
            if (now == null) {
                if (field.target().createable() && !FieldValues.isEmpty(wanted)) {
                    outcome.body.set(field.name(), wanted);
                    outcome.change(field.name(), null, wanted, job.dryRun());
                }
            } else if (field.target().updateable() && !FieldValues.same(field.target().type(), wanted, now.get(field.name()))) {
                outcome.body.set(field.name(), wanted);
                outcome.change(field.name(), now.get(field.name()), wanted, job.dryRun());
            }
        }
        return waits;
    }

    private static RecordOutcome skip(String backupId, String why) {
        RecordOutcome outcome = new RecordOutcome(backupId, null, RestoreAction.SKIP, null);
        outcome.notes.add(why);
        return outcome;
    }

    private void insertBody(ObjectNode record, RecordOutcome outcome) {
        for (RestorableField field : rules.firstPass()) {
            if (!field.target().createable()) {
                continue;
            }
            desired(record, field, outcome, true).filter(value -> !FieldValues.isEmpty(value)).ifPresent(value -> {
                outcome.body.set(field.name(), value);
                outcome.change(field.name(), null, value, job.dryRun());
            });
        }
        if (job.defaultOwnerId() != null && rules.all().stream().anyMatch(field -> field.name().equals("OwnerId"))
                && !outcome.body.has("OwnerId")) {
            outcome.body.put("OwnerId", job.defaultOwnerId());
            outcome.change("OwnerId", null, outcome.body.get("OwnerId"), job.dryRun());
        }
    }

    /** Puts into the outcome's body the updateable fields whose wanted value differs from the org's. */
    private void differences(ObjectNode record, ObjectNode now, List<RestorableField> fields, RecordOutcome outcome) {
        for (RestorableField field : fields) {
            if (!field.target().updateable()) {
                continue;
            }
            Optional<JsonNode> wanted = desired(record, field, outcome, false);
            if (wanted.isPresent() && !FieldValues.same(field.target().type(), wanted.get(), now.get(field.name()))) {
                outcome.body.set(field.name(), FieldValues.isEmpty(wanted.get()) ? JsonNodeFactory.instance.nullNode() : wanted.get());
                outcome.change(field.name(), now.get(field.name()), wanted.get(), job.dryRun());
            }
        }
    }

    /**
     * The value the field should hold; empty when it is a lookup whose target is gone (noted on the outcome). On insert
     * an inactive owner becomes the request's default owner at once (an update keeps an owner the org already holds).
     */
    private Optional<JsonNode> desired(ObjectNode record, RestorableField field, RecordOutcome outcome, boolean insert) {
        JsonNode value = record.get(field.source());
        if (FieldValues.isEmpty(value) || !field.lookup()) {
            return Optional.of(value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        Optional<String> target = lookups.resolve(field, value.asText());
        if (insert && target.isPresent() && OWNER.equals(field.name()) && job.defaultOwnerId() != null && lookups.inactiveUser(target.get())) {
            outcome.notes.add("owner inactive: OwnerId set to the default owner " + job.defaultOwnerId());
            return Optional.of(JsonNodeFactory.instance.textNode(job.defaultOwnerId()));
        }
        if (target.isEmpty()) {
            if (OWNER.equals(field.name()) && job.defaultOwnerId() != null) {
                return Optional.of(JsonNodeFactory.instance.textNode(job.defaultOwnerId()));
            }
            lookupsLeftEmpty++;
            outcome.notes.add(field.name() + " left empty: " + value.asText() + " neither exists in the org nor was restored");
            return Optional.empty();
        }
        return Optional.of(JsonNodeFactory.instance.textNode(target.get()));
    }

    private void write(List<RecordOutcome> outcomes) {
        undelete(outcomes.stream().filter(outcome -> outcome.action == RestoreAction.UNDELETE).toList());
        create(outcomes.stream().filter(outcome -> outcome.action == RestoreAction.RECREATE).toList());
        update(outcomes.stream().filter(outcome -> !outcome.failed() && !outcome.changedFields.isEmpty()
                && (outcome.action == RestoreAction.UPDATE || outcome.action == RestoreAction.UNDELETE)).toList());
    }

    private void undelete(List<RecordOutcome> outcomes) {
        List<SaveResult> results = writes.undelete(outcomes.stream().map(outcome -> outcome.targetId).toList());
        apply(outcomes, results);
    }

    /**
     * Creates the records, their intent stored first; records whose intent an interrupted attempt left behind are
     * looked for in the org ({@link EarlierCreates}) and only those not found are created.
     */
    private void create(List<RecordOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<String> backupIds = outcomes.stream().map(outcome -> outcome.backupId).toList();
        List<RecordOutcome> toCreate = withoutEarlierCreates(outcomes, intents.left(job.policyId(), job.targetConnectionId(), backupIds));
        intents.sending(job.policyId(), job.targetConnectionId(), object, toCreate.stream().map(outcome -> outcome.backupId).toList(),
                job.runId(), clock.instant());
        List<SaveResult> results = writes.create(object, toCreate.stream().map(outcome -> outcome.body).toList());
        apply(toCreate, results);
        halt.afterCreateAnswered(object);
        retryWithDefaultOwner(toCreate, true);
        Map<String, String> created = new LinkedHashMap<>();
        for (RecordOutcome outcome : outcomes) {
            if (!outcome.failed() && outcome.targetId != null) {
                created.put(outcome.backupId, outcome.targetId);
            }
        }
        idMap.recreated(job.policyId(), job.targetConnectionId(), object, created, job.runId(), clock.instant(), backupIds);
    }

    /** The outcomes still to create: those with an intent left whose record the org holds get its id instead. */
    private List<RecordOutcome> withoutEarlierCreates(List<RecordOutcome> outcomes, Map<String, Instant> left) {
        if (left.isEmpty()) {
            return outcomes;
        }
        List<RecordOutcome> interrupted = outcomes.stream().filter(outcome -> left.containsKey(outcome.backupId)).toList();
        Instant since = left.values().stream().min(Instant::compareTo).orElseThrow();
        Map<Integer, String> found = new EarlierCreates(org, object, rules.all(), calls)
                .find(interrupted.stream().map(outcome -> outcome.body).toList(), since, idMap.mappedTargets(job.policyId(), job.targetConnectionId(), object));
        found.forEach((index, id) -> {
            RecordOutcome outcome = interrupted.get(index);
            outcome.targetId = id;
            outcome.notes.add("created by an interrupted attempt: found in the org, not created again");
        });
        return outcomes.stream().filter(outcome -> outcome.targetId == null).toList();
    }

    private void update(List<RecordOutcome> outcomes) {
        List<ObjectNode> bodies = outcomes.stream().map(outcome -> outcome.body.put("Id", outcome.targetId)).toList();
        apply(outcomes, writes.update(object, bodies));
        retryWithDefaultOwner(outcomes, false);
        outcomes.forEach(outcome -> outcome.body.remove("Id"));
    }

    /** Records rejected for an inactive owner go again once with the request's default owner, when it names one. */
    private void retryWithDefaultOwner(List<RecordOutcome> outcomes, boolean insert) {
        if (job.defaultOwnerId() == null) {
            return;
        }
        List<RecordOutcome> again = outcomes.stream().filter(outcome -> INACTIVE_OWNER.equals(outcome.statusCode)).toList();
        if (again.isEmpty()) {
            return;
        }
        for (RecordOutcome outcome : again) {
            outcome.status = null;
            outcome.statusCode = null;
            outcome.notes.add("owner inactive: OwnerId set to the default owner " + job.defaultOwnerId());
            outcome.body.put("OwnerId", job.defaultOwnerId());
            if (!outcome.changedFields.contains("OwnerId")) {
                outcome.changedFields.add("OwnerId");
            }
        }
        apply(again, insert ? writes.create(object, again.stream().map(outcome -> outcome.body).toList())
                : writes.update(object, again.stream().map(outcome -> outcome.body).toList()));
    }

    private void apply(List<RecordOutcome> outcomes, List<SaveResult> results) {
        for (int i = 0; i < outcomes.size(); i++) {
            RecordOutcome outcome = outcomes.get(i);
            SaveResult result = i < results.size() ? results.get(i) : null;
            if (result == null) {
                outcome.fail("NO_RESULT", "Salesforce returned no result for this record");
            } else if (!result.success()) {
                SaveResult.SaveError error = result.errors().isEmpty() ? new SaveResult.SaveError("UNKNOWN", "rejected", List.of())
                        : result.errors().get(0);
                outcome.fail(error.statusCode(), error.message());
            } else if (outcome.targetId == null) {
                outcome.targetId = result.id();
            }
        }
    }

    private void finish(int read, List<RecordOutcome> outcomes) {
        List<RestoreReportLine> lines = new ArrayList<>(outcomes.size());
        long recreated = 0;
        long changed = 0;
        long unchanged = 0;
        for (RecordOutcome outcome : outcomes) {
            String status = outcome.failed() ? "FAILED" : job.dryRun() ? DRY_RUN : OK;
            if (outcome.failed()) {
                failed++;
            } else if (outcome.action == RestoreAction.RECREATE) {
                recreated++;
            } else if (outcome.action == RestoreAction.UPDATE || outcome.action == RestoreAction.UNDELETE) {
                changed++;
            } else if (outcome.action == RestoreAction.UNCHANGED) {
                unchanged++;
            }
            if (!outcome.failed() && outcome.action != RestoreAction.SKIP && outcome.action != RestoreAction.UNCHANGED) {
                written++;
            }
            lines.add(new RestoreReportLine(object, outcome.backupId, outcome.targetId, outcome.action,
                    List.copyOf(outcome.changedFields), status, outcome.statusCode,
                    outcome.notes.isEmpty() ? null : String.join("; ", outcome.notes), outcome.changes));
        }
        report.write(job.runId(), context.task().taskId(), lines);
        context.record(new Progress(read, job.dryRun() ? 0 : recreated, job.dryRun() ? 0 : changed, 0,
                unchanged + (job.dryRun() ? recreated + changed : 0), 0, calls.take()));
    }

    /** Where each stored record lives in the target org: its new id when a restore recreated it, else its own. */
    private Map<String, String> targetIds(List<ObjectNode> stored) {
        List<String> backupIds = stored.stream().map(record -> record.path("Id").asText()).toList();
        Map<String, String> targets = idMap.targets(job.policyId(), job.targetConnectionId(), backupIds);
        Map<String, String> byBackupId = new LinkedHashMap<>();
        backupIds.forEach(id -> byBackupId.put(id, targets.getOrDefault(id, id)));
        return byBackupId;
    }
}
