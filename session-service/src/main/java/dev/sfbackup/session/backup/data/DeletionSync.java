package dev.sfbackup.session.backup.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SalesforceDateTime;
import dev.sfbackup.session.backup.BackupProgress;
import dev.sfbackup.session.backup.BackupTask;
import dev.sfbackup.session.backup.read.ReadPlan;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.config.BackupConfig;
import dev.sfbackup.session.engine.Awaited;
import dev.sfbackup.session.engine.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Carries an incremental read's deletions into its restore point as tombstones: looks them up in the org while the
 * changed records are read (each look-up is a scan of the object on the org's side), then sends them to storage.
 */
@ApplicationScoped
public class DeletionSync {

    /** Deletion calls of one claim attempt are numbered from attempt * this (storage's seq is a long). */
    private static final long DELETION_CALLS_PER_ATTEMPT = 1L << 32;

    /** Ids deleted in the org since the read's start, and the API calls spent finding them. */
    record Deletions(Instant since, List<String> ids, long apiCalls) {
    }

    /** A look-up under way (or none, for a read that is not incremental); closing it waits for it to end. */
    public final class Lookup implements AutoCloseable {

        private final BackupTask task;
        private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
        private final Future<Deletions> found;

        private Lookup(BackupTask task, ReadPlan plan) {
            this.task = task;
            this.found = plan.kind() == RestorePointKind.INCREMENTAL ? lookups.submit(() -> find(task, plan)) : null;
        }

        /** Waits for the look-up and stores what it found into the point (nothing for a read that is not incremental). */
        void storeInto(PointOnDemand point) {
            if (found != null) {
                store(task, point, Awaited.resultOf(found, "the deletions look-up"));
            }
        }

        @Override
        public void close() {
            lookups.close();
        }
    }

    private final StorageClient storage;
    private final BackupConfig config;
    private final Clock clock;

    public DeletionSync(StorageClient storage, BackupConfig config, Clock clock) {
        this.storage = storage;
        this.config = config;
        this.clock = clock;
    }

    /** Starts looking up the deletions of an incremental read, alongside the read. */
    public Lookup lookUp(BackupTask task, ReadPlan plan) {
        return new Lookup(task, plan);
    }

    /**
     * Deletions since the watermark (minus the overlap): queryAll on IsDeleted where the object has it (a delete bumps
     * SystemModstamp), else getDeleted, whose window Salesforce limits to the last 30 days.
     */
    private Deletions find(BackupTask task, ReadPlan plan) {
        Instant from = plan.readFrom(config.engine().incrementalOverlap());
        List<String> ids = new ArrayList<>();
        if (plan.describe().field("IsDeleted").isPresent()) {
            String soql = "SELECT Id FROM " + task.object() + " WHERE IsDeleted = true AND " + plan.incrementalField()
                    + " > " + SalesforceDateTime.soqlLiteral(from);
            try (RestQuery<ObjectNode> deleted = task.org().queryAll(soql)) {
                deleted.forEachRemaining(record -> ids.add(record.path("Id").asText()));
                return new Deletions(from, ids, deleted.pagesFetched());
            }
        }
        Instant to = clock.instant();
        Instant start = from.isBefore(to.minus(Duration.ofDays(29))) ? to.minus(Duration.ofDays(29)) : from;
        if (to.isBefore(start.plusSeconds(60))) {
            to = start.plusSeconds(60);
        }
        task.org().getDeleted(task.object(), start, to).deletedRecords().forEach(record -> ids.add(record.id()));
        return new Deletions(from, ids, 1);
    }

    /**
     * Sends the deleted ids in calls of at most deletions-per-call ids (a mass delete in the org can remove millions of
     * records; storage takes a bounded number per call). The calls' sequence numbers belong to this claim attempt:
     * storage recognises a retried call, and a resumed task sends every part again, so a list that changed between
     * attempts cannot shift a part boundary past an id (storage tombstones only ids still alive, counting each once).
     */
    private void store(BackupTask task, PointOnDemand point, Deletions deletions) {
        List<String> ids = deletions.ids();
        if (ids.isEmpty()) {
            task.context().record(Progress.apiCalls(deletions.apiCalls()));
            return;
        }
        int perCall = config.engine().deletionsPerCall();
        long seq = task.claim().attempt() * DELETION_CALLS_PER_ATTEMPT;
        long apiCalls = deletions.apiCalls();
        for (int from = 0; from < ids.size(); from += perCall) {
            List<String> part = ids.subList(from, Math.min(from + perCall, ids.size()));
            task.context().record(BackupProgress.of(0, storage.deletions(point.get().id(), new RecordDeletions(part, ++seq)), 0, apiCalls));
            apiCalls = 0;
        }
        task.context().info(task.object() + ": " + ids.size() + " deletions since " + deletions.since());
    }
}
