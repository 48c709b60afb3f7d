package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.RequestLimitExceededException;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * How one pass over an object reads the org's current records: by id lists per chunk (REST queryAll, ~70 ids a call),
 * or, once the pass hands over bulk chunks and has seen at least a {@value #SNAPSHOT_RATIO}th of the records the org
 * holds of the object, from one {@link OrgSnapshot} of the whole object taken then and kept for the rest of the pass.
 * Below that share, reading the whole object would cost more than the id lists it saves.
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

    /** Where to read the current records of the next chunk of {@code records}, a bulk chunk or not. */
    CurrentRecords forChunk(int records, boolean bulkChunk) {
        seen += records;
        if (snapshot == null && bulkChunk && !snapshotFailed && orgRecords() <= SNAPSHOT_RATIO * seen) {
            try {
                snapshot = OrgSnapshot.take(org, describe, fields, calls, json);
            } catch (RequestLimitExceededException e) {
                throw e;
            } catch (SalesforceException e) {
                snapshotFailed = true; // an object Bulk API 2.0 cannot query: id lists still can
                LOG.warnf("reading %s through a Bulk API 2.0 queryAll job failed, reading by id instead: %s", describe.name(), e.getMessage());
            }
        }
        return snapshot != null ? snapshot : byId;
    }

    private long orgRecords() {
        if (orgRecords < 0) {
            calls.add(1);
            orgRecords = org.recordCounts(List.of(describe.name())).getOrDefault(describe.name(), 0L);
        }
        return orgRecords;
    }

    @Override
    public void close() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
    }
}
