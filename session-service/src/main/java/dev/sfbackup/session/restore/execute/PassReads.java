package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * How one pass over an object reads the org's current records: by id lists per chunk (REST queryAll, ~70 ids a call),
 * or, once the pass reads bulk chunks and has seen at least a {@value #SNAPSHOT_RATIO}th of the records the org holds of
 * the object, from one {@link OrgSnapshot} of the whole object, kept for the rest of the pass. Below that share, reading
 * the whole object would cost more than the id lists it saves. The snapshot is started as soon as the records read so
 * far justify it ({@link #readSoFar}), so the org's queryAll job runs while the first chunk is still being read.
 */
final class PassReads implements AutoCloseable {

    /** The org may hold at most this many times the records the pass has seen for a snapshot to pay off. */
    static final long SNAPSHOT_RATIO = 20;

    private static final Logger LOG = Logger.getLogger(PassReads.class);

    private final SalesforceConnection org;
    private final SObjectDescribe describe;
    private final List<RestorableField> fields;
    private final ApiCalls calls;
    private final ObjectMapper json;
    private final QueriedRecords byId;
    private long orgRecords = -1;
    private long seen;
    private CompletableFuture<OrgSnapshot> taking;
    private OrgSnapshot snapshot;
    private boolean snapshotFailed;

    PassReads(SalesforceConnection org, SObjectDescribe describe, List<RestorableField> fields, ApiCalls calls, ObjectMapper json) {
        this.org = org;
        this.describe = describe;
        this.fields = fields;
        this.calls = calls;
        this.json = json;
        this.byId = new QueriedRecords(org, describe.name(), fields, calls);
    }

    /** The pass has read this many records, enough for bulk chunks: starts the snapshot when they justify one. */
    void readSoFar(long records) {
        if (taking == null && !snapshotFailed && orgRecords() <= SNAPSHOT_RATIO * records) {
            taking = CompletableFuture.supplyAsync(() -> OrgSnapshot.take(org, describe, fields, calls, json),
                    work -> Thread.ofPlatform().name("restore-snapshot-" + describe.name()).daemon().start(work));
        }
    }

    /** Where to read the current records of the next chunk of {@code records}, a bulk chunk or not. */
    CurrentRecords forChunk(int records, boolean bulkChunk) {
        seen += records;
        if (snapshot == null && bulkChunk && !snapshotFailed) {
            readSoFar(seen);
            if (taking != null) {
                snapshot = taken();
            }
        }
        return snapshot != null ? snapshot : byId;
    }

    private OrgSnapshot taken() {
        try {
            return taking.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SalesforceException failed && !(failed instanceof RequestLimitExceededException)) {
                snapshotFailed = true; // an object Bulk API 2.0 cannot query: id lists still can
                LOG.warnf("reading %s through a Bulk API 2.0 queryAll job failed, reading by id instead: %s", describe.name(), failed.getMessage());
                return null;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private long orgRecords() {
        if (orgRecords < 0) {
            calls.add(1);
            orgRecords = org.recordCounts(List.of(describe.name())).getOrDefault(describe.name(), 0L);
        }
        return orgRecords;
    }

    /** Deletes the snapshot's spool file; one still being taken (the pass failed first) deletes its own when done. */
    @Override
    public void close() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        } else if (taking != null) {
            taking.thenAccept(OrgSnapshot::close);
        }
    }
}
