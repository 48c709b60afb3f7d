package dev.sfbackup.session.backup.data;

import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.common.time.UtcMillisText;
import dev.sfbackup.salesforce.SalesforceDateTime;
import dev.sfbackup.session.backup.BackupProgress;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.read.BulkSegmentSize;
import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.backup.read.ReadAhead;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.backup.read.RecordNormalizer;
import dev.sfbackup.session.backup.read.RecordSource;
import dev.sfbackup.session.backup.read.SegmentedBulkSource;
import dev.sfbackup.session.backup.upload.BatchUploads;
import dev.sfbackup.session.backup.upload.NdjsonBatch;
import dev.sfbackup.session.client.NdjsonBody;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies an object's records from the org into a restore point, batch by batch: reads ahead of the task (see
 * {@link ReadAhead}) and uploads while reading on (see {@link BatchUploads}). Batches carry sequence numbers, so a
 * resumed REST read continues after its last acknowledged batch without storing anything twice.
 */
@ApplicationScoped
public class RecordCopy {

    /**
     * A REST query page holds at most this many records (Salesforce's maximum batchSize). A REST read sends a batch per
     * page at most: storage compares it with the stored versions while the next pages are read, so after the last
     * page only one page's records are left to store (an incremental run's tail), not a whole batch-size's.
     */
    static final int REST_PAGE_RECORDS = 2000;

    private final StorageClient storage;
    private final BackupProgress progress;
    private final BackupConfig config;
    private final UnchangedRead unchangedRead;

    public RecordCopy(StorageClient storage, BackupProgress progress, BackupConfig config, UnchangedRead unchangedRead) {
        this.storage = storage;
        this.progress = progress;
        this.config = config;
        this.unchangedRead = unchangedRead;
    }

    /**
     * Reads the records the plan selects and stores them into the point; resuming, after the last record of the last
     * batch an earlier attempt stored. An incremental read into a point not yet open that found only what storage holds
     * (see {@link UnchangedRead}) stores nothing and leaves the point unopened. Returns the newest incremental-field
     * value seen (null: none).
     */
    Instant readAndStore(BackupTask task, ReadPlan plan, BulkSegmentSize segments, PointOnDemand point, boolean resuming) {
        String resumeAfterId = resuming ? task.resume().lastRecordId() : null;
        int seq = resuming ? BatchUploads.resumeAfterSeq(task.resume().lastBatchSeq()) : 0;
        String soql = plan.soql(task.object(), config.engine().incrementalOverlap(), resumeAfterId);
        RecordNormalizer normalizer = new RecordNormalizer(plan.describe(), plan.fields());
        int incrementalIndex = plan.incrementalField() == null ? -1 : normalizer.indexOf(plan.incrementalField());
        int batchRecords = plan.bulk() ? config.engine().batchSize() : Math.min(config.engine().batchSize(), REST_PAGE_RECORDS);
        String newest = null;
        long reportedCalls = 0;
        try (RecordSource source = new ReadAhead(source(task, plan, segments, soql, normalizer));
                BatchUploads uploads = new BatchUploads(config.engine().uploadConcurrency(),
                        batch -> storage.putBatch(point.get().id(), batch.seq(), batch.ndjson()),
                        (batch, result) -> acknowledge(task, batch, result))) {
            NdjsonBatch batch = new NdjsonBatch();
            boolean mayBeUnchanged = plan.kind() == RestorePointKind.INCREMENTAL && point.ifOpen().isEmpty();
            List<String> firstBatchIds = new ArrayList<>();
            while (source.hasNext()) {
                NormalizedRecord record = source.next();
                newest = later(newest, record.text(incrementalIndex));
                batch.add(record);
                if (mayBeUnchanged && seq == 0) {
                    firstBatchIds.add(record.id());
                }
                if (batch.isFull(batchRecords, config.engine().batchBytes())) {
                    NdjsonBody ndjson = batch.body();
                    uploads.submit(new BatchUploads.Batch(++seq, ndjson, batch.size(), batch.lastId(),
                            source.apiCalls() - reportedCalls));
                    reportedCalls = source.apiCalls();
                    batch = new NdjsonBatch();
                }
            }
            if (seq == 0 && mayBeUnchanged && unchangedRead.holdsOnlyStoredRecords(task, plan, firstBatchIds, batch, newest)) {
                task.context().record(new Progress(batch.size(), 0, 0, 0, batch.size(), 0, source.apiCalls() - reportedCalls));
            } else if (batch.size() > 0 || seq == 0) {
                uploads.submit(new BatchUploads.Batch(++seq, batch.body(), batch.size(), batch.lastId(),
                        source.apiCalls() - reportedCalls));
            }
            uploads.finish();
        }
        return newest == null ? null : SalesforceDateTime.parse(newest);
    }

    private RecordSource source(BackupTask task, ReadPlan plan, BulkSegmentSize segments, String soql, RecordNormalizer normalizer) {
        if (!plan.bulk()) {
            return RecordSource.rest(task.org(), soql, normalizer);
        }
        if (segments == null) {
            return RecordSource.bulk(task.org(), soql, normalizer);
        }
        return new SegmentedBulkSource(task.org(), plan, task.object(), config.engine().incrementalOverlap(), normalizer,
                segments, line -> task.context().warn(task.object() + ": " + line));
    }

    /** Records a stored batch (in sequence order: resume continues after it) and stops the task when asked to. */
    private void acknowledge(BackupTask task, BatchUploads.Batch batch, BatchResult result) {
        progress.batchStored(task, batch.seq(), batch.lastId(),
                BackupProgress.of(batch.records(), result, batch.ndjson().length(), batch.apiCalls()));
        task.context().checkBudget(task.org());
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
