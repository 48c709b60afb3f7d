package dev.sfbackup.session.backup;

import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.session.backup.persistence.BackupTaskStates;
import dev.sfbackup.session.engine.Progress;
import dev.sfbackup.session.engine.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a backup task's progress together with how far it got, in one transaction: a resumed task must never find
 * counters that include a batch its last acknowledged batch number does not.
 */
@ApplicationScoped
public class BackupProgress {

    private final BackupTaskStates states;

    public BackupProgress(BackupTaskStates states) {
        this.states = states;
    }

    /** What a stored batch (or deletions call, or full-scan end) adds; a duplicate storage already had adds records read only. */
    public static Progress of(long recordsRead, BatchResult stored, long bytes, long apiCalls) {
        boolean counted = stored != null && !stored.duplicate();
        return new Progress(recordsRead, counted ? stored.recordsNew() : 0, counted ? stored.recordsChanged() : 0,
                counted ? stored.recordsDeleted() : 0, counted ? stored.recordsUnchanged() : 0, bytes, apiCalls);
    }

    /**
     * Records batch seq (its last record lastRecordId, null when it held none) as stored, and what it added; stops the
     * task (after the transaction, so the batch stays recorded) when it must stop.
     */
    public void batchStored(BackupTask task, int seq, String lastRecordId, Progress made) {
        TaskContext.stopIf(recordBatch(task, seq, lastRecordId, made));
    }

    @Transactional
    Optional<String> recordBatch(BackupTask task, int seq, String lastRecordId, Progress made) {
        states.advance(task.id(), seq, lastRecordId);
        return task.context().recordAndAsk(made);
    }

    /**
     * Remembers the open restore point, so a resumed task continues writing into it. The record counters start again
     * with the fresh point (those of an earlier attempt went with its discarded point); API calls stay spent.
     */
    @Transactional
    public void pointOpened(BackupTask task, UUID pointId, String pointKind, String watermarkField) {
        states.pointOpened(task.id(), pointId, pointKind, watermarkField);
        task.context().restartCounters();
    }

    /** Remembers a restore point opened in the middle of a read, whose counters started with the read. */
    @Transactional
    public void pointOpenedDuringRead(BackupTask task, UUID pointId, String pointKind, String watermarkField) {
        states.pointOpened(task.id(), pointId, pointKind, watermarkField);
    }
}
