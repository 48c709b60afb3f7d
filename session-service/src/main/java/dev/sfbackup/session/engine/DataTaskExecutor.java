package dev.sfbackup.session.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.policy.PolicyView;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.Watermark;
import dev.sfbackup.common.time.UtcMillisText;
import dev.sfbackup.salesforce.BulkJobFailedException;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.QueryTimeoutException;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceDateTime;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.service.SessionJournal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backs up one object into one restore point. INITIAL: every record. INCREMENTAL: records whose incremental field is
 * past the stored watermark (minus an overlap) plus deletions. FULL (no incremental field): every record, then
 * end-of-full-scan so absent records become tombstones; a FULL point that changed nothing is discarded. Batches carry
 * sequence numbers, so a resumed task continues after its last committed batch without storing anything twice.
 */
@ApplicationScoped
public class DataTaskExecutor {

    private static final int MAX_BULK_TIMEOUT_RETRIES = 3;
    /** Deletion calls of one claim attempt are numbered from attempt * this (storage's seq is a long). */
    private static final long DELETION_CALLS_PER_ATTEMPT = 1L << 32;

    private final StorageClient storage;
    private final TaskProgress progress;
    private final FieldSelection fieldSelection;
    private final SessionJournal journal;
    private final BackupConfig config;
    private final ObjectMapper json;

    public DataTaskExecutor(StorageClient storage, TaskProgress progress, FieldSelection fieldSelection,
            SessionJournal journal, BackupConfig config, ObjectMapper json) {
        this.storage = storage;
        this.progress = progress;
        this.fieldSelection = fieldSelection;
        this.journal = journal;
        this.config = config;
        this.json = json;
    }

    TaskOutcome run(TaskContext context) {
        ClaimedTask task = context.task();
        PolicyView policy = context.policy();
        SObjectDescribe describe = context.org().describe(task.object());
        progress.shouldStop(task.taskId(), context.instanceId()).ifPresent(reason -> {
            throw new TaskInterrupted(reason);
        });
        List<String> fields = fieldSelection.select(policy, describe, task);
        Optional<String> incrementalField = describe.incrementalField();
        Optional<Watermark> watermark = incrementalField.isPresent()
                ? storage.watermark(policy.id(), task.object()) : Optional.empty();
        RestorePointKind kind;
        if (incrementalField.isPresent() && watermark.isPresent() && watermark.get().value() != null) {
            kind = RestorePointKind.INCREMENTAL;
        } else if (storage.hasCommittedPoint(policy.id(), task.object())) {
            kind = RestorePointKind.FULL;
        } else {
            kind = RestorePointKind.INITIAL;
        }
        boolean bulk = kind != RestorePointKind.INCREMENTAL && task.expectedRecords() != null
                && task.expectedRecords() >= config.engine().bulkThreshold();
        ReadPlan plan = new ReadPlan(describe, fields, kind, incrementalField.orElse(null),
                watermark.map(Watermark::value).orElse(null), bulk);
        journal.info(task.sessionId(), task.taskId(), task.object() + ": " + kind + " read of " + fields.size() + " fields"
                + (bulk ? " with Bulk API 2.0" : " with REST query paging")
                + (plan.incrementalField() == null ? ", no incremental field (compared in full)"
                        : ", incremental field " + plan.incrementalField())
                + (kind == RestorePointKind.INCREMENTAL ? " since " + plan.readFrom(config.engine().incrementalOverlap()) : ""));
        int bulkMaxRecords = config.engine().bulkMaxRecords();
        // null while one Bulk job reads the whole object; once segmented, every later attempt goes on at the size reached
        BulkSegmentSize segments = null;
        for (int retry = 0; ; retry++) {
            try {
                return backUp(context, plan, segments, retry > 0);
            } catch (QueryTimeoutException timeout) {
                if (!bulk || retry >= MAX_BULK_TIMEOUT_RETRIES) {
                    throw timeout;
                }
                bulkMaxRecords = Math.max(1000, bulkMaxRecords / 4);
                journal.warn(task.sessionId(), task.taskId(), task.object() + ": QUERY_TIMEOUT on the Bulk API 2.0 read;"
                        + " retrying with smaller result chunks of " + bulkMaxRecords + " records"
                        + (segments == null ? "" : ", in Id ranges of " + segments.records() + " records"));
                context = context.withOrg(context.reconnect(bulkMaxRecords));
            } catch (BulkJobFailedException failed) {
                if (!bulk || !failed.isQueryTimeout() || segments != null) {
                    throw failed;
                }
                countFailedJob(context);
                segments = new BulkSegmentSize(config.engine().bulkSegmentRecords(), config.engine().bulkSegmentMinRecords(),
                        config.engine().bulkSegmentTimeoutRetries());
                journal.warn(task.sessionId(), task.taskId(), task.object() + ": the Bulk API 2.0 query job failed with"
                        + " QUERY_TIMEOUT; reading again into a fresh restore point, one Bulk job per Id range of "
                        + segments.records() + " records");
            }
        }
    }

    /** A job that failed before its results still cost requests: they count against the task. */
    private void countFailedJob(TaskContext context) {
        ClaimedTask task = context.task();
        progress.batchStored(task.taskId(), context.instanceId(), 0, null, 0, null, 0, RecordSource.BULK_JOB_CALLS)
                .ifPresent(reason -> {
                    throw new TaskInterrupted(reason);
                });
    }

    private TaskOutcome backUp(TaskContext context, ReadPlan plan, BulkSegmentSize segments, boolean retried) {
        ClaimedTask task = context.task();
        RestorePointView point = resumableOrNewPoint(context, plan);
        if (point.state() == RestorePointState.COMMITTED) {
            return TaskOutcome.success(task.object() + ": restore point " + point.id() + " was committed before a restart");
        }
        boolean resuming = task.isResumed() && point.id().equals(task.restorePointId()) && task.lastBatchSeq() > 0;
        try {
            Instant newestChange = readAndStore(context, plan, segments, point, resuming);
            return finishPoint(context, plan, point, newestChange, retried);
        } catch (RuntimeException failure) {
            discardQuietly(context, point);
            throw failure;
        }
    }

    private RestorePointView resumableOrNewPoint(TaskContext context, ReadPlan plan) {
        ClaimedTask task = context.task();
        if (task.isResumed() && plan.kind().name().equals(task.pointKind())) {
            Optional<RestorePointView> previous = storage.point(task.restorePointId());
            boolean committed = previous.isPresent() && previous.get().state() == RestorePointState.COMMITTED;
            boolean openRestRead = previous.isPresent() && previous.get().state() == RestorePointState.OPEN && !plan.bulk();
            if (committed || openRestRead) {
                journal.info(task.sessionId(), task.taskId(), task.object() + ": resuming restore point "
                        + task.restorePointId() + " after batch " + task.lastBatchSeq());
                return previous.get();
            }
            if (previous.isPresent() && previous.get().state() == RestorePointState.OPEN) {
                // Bulk results come in no stable order, so a bulk read restarts from scratch in a fresh point.
                discardQuietly(context, previous.get());
            }
        }
        Map<String, Object> schema = json.convertValue(plan.describe(), json.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
        RestorePointView point = storage.open(new OpenRestorePoint(task.policyId(), task.sessionId(), context.orgId(),
                task.object(), plan.kind(), schema, context.policy().repositoryId(),
                context.policy().connectionId()));
        progress.pointOpened(task.taskId(), point.id(), plan.kind().name(), plan.incrementalField());
        return point;
    }

    /**
     * Reads the object and stores it batch by batch, uploading while reading on (see {@link BatchUploads}); returns
     * the newest incremental-field value seen.
     */
    private Instant readAndStore(TaskContext context, ReadPlan plan, BulkSegmentSize segments, RestorePointView point,
            boolean resuming) {
        ClaimedTask task = context.task();
        String resumeAfterId = resuming ? task.lastRecordId() : null;
        int seq = resuming ? BatchUploads.resumeAfterSeq(task.lastBatchSeq()) : 0;
        String soql = plan.soql(task.object(), config.engine().incrementalOverlap(), resumeAfterId);
        RecordNormalizer normalizer = new RecordNormalizer(plan.describe(), plan.fields());
        int incrementalIndex = plan.incrementalField() == null ? -1 : normalizer.indexOf(plan.incrementalField());
        String newest = null;
        long reportedCalls = 0;
        // deletions are looked up while the changed records are read: each is a scan of the object on the org's side
        ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
        Future<Deletions> deletions = plan.kind() == RestorePointKind.INCREMENTAL
                ? lookups.submit(() -> findDeletions(context, plan)) : null;
        try (lookups;
                RecordSource source = new ReadAhead(source(context, plan, segments, soql, normalizer));
                BatchUploads uploads = new BatchUploads(config.engine().uploadConcurrency(),
                        batch -> storage.putBatch(point.id(), batch.seq(), batch.ndjson()),
                        (batch, result) -> acknowledge(context, batch, result))) {
            NdjsonBatch batch = new NdjsonBatch(0);
            while (source.hasNext()) {
                NormalizedRecord record = source.next();
                newest = later(newest, record.text(incrementalIndex));
                batch.add(record);
                if (batch.isFull(config.engine().batchSize(), config.engine().batchBytes())) {
                    byte[] ndjson = batch.toBytes();
                    uploads.submit(new BatchUploads.Batch(++seq, ndjson, batch.size(), batch.lastId(),
                            source.apiCalls() - reportedCalls));
                    reportedCalls = source.apiCalls();
                    batch = new NdjsonBatch(ndjson.length);
                }
            }
            if (batch.size() > 0 || seq == 0) {
                uploads.submit(new BatchUploads.Batch(++seq, batch.toBytes(), batch.size(), batch.lastId(),
                        source.apiCalls() - reportedCalls));
            }
            uploads.finish();
            if (deletions != null) {
                storeDeletions(context, point, Awaited.resultOf(deletions, "the deletions look-up"));
            }
        }
        return newest == null ? null : SalesforceDateTime.parse(newest);
    }

    private RecordSource source(TaskContext context, ReadPlan plan, BulkSegmentSize segments, String soql,
            RecordNormalizer normalizer) {
        if (!plan.bulk()) {
            return RecordSource.rest(context.org(), soql, normalizer);
        }
        if (segments == null) {
            return RecordSource.bulk(context.org(), soql, normalizer);
        }
        ClaimedTask task = context.task();
        return new SegmentedBulkSource(context.org(), plan, task.object(), config.engine().incrementalOverlap(), normalizer,
                segments, line -> journal.warn(task.sessionId(), task.taskId(), task.object() + ": " + line));
    }

    /** Records a stored batch (in sequence order: resume continues after it) and stops the task when asked to. */
    private void acknowledge(TaskContext context, BatchUploads.Batch batch, BatchResult result) {
        ClaimedTask task = context.task();
        Optional<String> stop = progress.batchStored(task.taskId(), context.instanceId(), batch.seq(), batch.lastId(),
                batch.records(), result, batch.ndjson().length, batch.apiCalls());
        if (stop.isPresent()) {
            throw new TaskInterrupted(stop.get());
        }
        context.budget().check();
    }

    /** Ids deleted in the org since the read's start, and the API calls spent finding them. */
    private record Deletions(Instant since, List<String> ids, long apiCalls) {
    }

    /**
     * Deletions since the watermark (minus the overlap): queryAll on IsDeleted where the object has it (a delete bumps
     * SystemModstamp), else getDeleted, whose window Salesforce limits to the last 30 days.
     */
    private Deletions findDeletions(TaskContext context, ReadPlan plan) {
        ClaimedTask task = context.task();
        Instant from = plan.readFrom(config.engine().incrementalOverlap());
        List<String> ids = new ArrayList<>();
        if (plan.describe().field("IsDeleted").isPresent()) {
            String soql = "SELECT Id FROM " + task.object() + " WHERE IsDeleted = true AND " + plan.incrementalField()
                    + " > " + SalesforceDateTime.soqlLiteral(from);
            try (RestQuery<ObjectNode> deleted = context.org().queryAll(soql)) {
                deleted.forEachRemaining(record -> ids.add(record.path("Id").asText()));
                return new Deletions(from, ids, deleted.pagesFetched());
            }
        }
        Instant to = Instant.now();
        Instant start = from.isBefore(to.minus(Duration.ofDays(29))) ? to.minus(Duration.ofDays(29)) : from;
        if (to.isBefore(start.plusSeconds(60))) {
            to = start.plusSeconds(60);
        }
        context.org().getDeleted(task.object(), start, to).deletedRecords().forEach(record -> ids.add(record.id()));
        return new Deletions(from, ids, 1);
    }

    /**
     * Sends the deleted ids in calls of at most deletions-per-call ids (a mass delete in the org can remove millions of
     * records; storage takes a bounded number per call). The calls' sequence numbers belong to this claim attempt:
     * storage recognises a retried call, and a resumed task sends every part again, so a list that changed between
     * attempts cannot shift a part boundary past an id (storage tombstones only ids still alive, counting each once).
     */
    private void storeDeletions(TaskContext context, RestorePointView point, Deletions deletions) {
        ClaimedTask task = context.task();
        List<String> ids = deletions.ids();
        if (ids.isEmpty()) {
            recordDeletions(context, null, deletions.apiCalls());
            return;
        }
        int perCall = config.engine().deletionsPerCall();
        long seq = task.attempt() * DELETION_CALLS_PER_ATTEMPT;
        long apiCalls = deletions.apiCalls();
        for (int from = 0; from < ids.size(); from += perCall) {
            List<String> part = ids.subList(from, Math.min(from + perCall, ids.size()));
            recordDeletions(context, storage.deletions(point.id(), new RecordDeletions(part, ++seq)), apiCalls);
            apiCalls = 0;
        }
        journal.info(task.sessionId(), task.taskId(), task.object() + ": " + ids.size() + " deletions since " + deletions.since());
    }

    private void recordDeletions(TaskContext context, BatchResult result, long apiCalls) {
        ClaimedTask task = context.task();
        Optional<String> stop = progress.batchStored(task.taskId(), context.instanceId(), 0, null, 0, result, 0, apiCalls);
        if (stop.isPresent()) {
            throw new TaskInterrupted(stop.get());
        }
    }

    private TaskOutcome finishPoint(TaskContext context, ReadPlan plan, RestorePointView point, Instant newestChange, boolean retried) {
        ClaimedTask task = context.task();
        if (plan.kind() == RestorePointKind.FULL) {
            BatchResult scan = storage.endOfFullScan(point.id());
            progress.batchStored(task.taskId(), context.instanceId(), task.lastBatchSeq(), null, 0, scan, 0, 0);
            TaskCounters counters = progress.counters(task.taskId());
            if (counters.changes() == 0) {
                storage.discard(point.id());
                journal.info(task.sessionId(), task.taskId(), task.object() + ": unchanged since the latest restore point;"
                        + " no FULL restore point kept");
                return TaskOutcome.success(task.object() + ": unchanged");
            }
        }
        Instant watermark = newestChange == null || plan.previousWatermark() != null && plan.previousWatermark().isAfter(newestChange)
                ? plan.previousWatermark() : newestChange;
        RestorePointView committed = storage.commit(point.id(), new CommitRestorePoint(plan.incrementalField(),
                plan.incrementalField() == null ? null : watermark));
        TaskCounters counters = progress.counters(task.taskId());
        String summary = task.object() + ": " + plan.kind() + " restore point " + committed.id() + " committed ("
                + counters.describe() + ")";
        journal.info(task.sessionId(), task.taskId(), summary);
        return retried ? TaskOutcome.warning(summary + " after QUERY_TIMEOUT retries with smaller chunks")
                : TaskOutcome.success(summary);
    }

    private void discardQuietly(TaskContext context, RestorePointView point) {
        try {
            storage.discard(point.id());
        } catch (RuntimeException unreachable) {
            journal.warn(context.task().sessionId(), context.task().taskId(), context.task().object()
                    + ": could not discard the unfinished restore point " + point.id() + " (" + unreachable.getMessage()
                    + "); it was never committed, so readers never see it");
        }
    }

    /** The later of two date-times; the normalizer spells them in UTC milliseconds, which sort in time order. */
    private static String later(String current, String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return current;
        }
        String canonical = UtcMillisText.normalize(candidate);
        if (!UtcMillisText.isCanonical(canonical)) {
            throw new IllegalStateException("an incremental field value is not a date-time: " + candidate);
        }
        return current == null || canonical.compareTo(current) > 0 ? canonical : current;
    }
}
