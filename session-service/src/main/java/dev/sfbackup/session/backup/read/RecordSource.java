package dev.sfbackup.session.backup.read;

import dev.sfbackup.salesforce.BulkQuery;
import dev.sfbackup.salesforce.BulkRows;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.Iterator;

/** Normalized records of one read, from REST query paging or a Bulk API 2.0 query job. */
public interface RecordSource extends Iterator<NormalizedRecord>, AutoCloseable {

    /** Requests a Bulk API 2.0 query job costs before its results: the create and (at least) one status poll. */
    long BULK_JOB_CALLS = 2;

    /** Requests sent to the org for this read so far. */
    long apiCalls();

    @Override
    void close();

    static RecordSource rest(SalesforceConnection org, String soql, RecordNormalizer normalizer) {
        RestQuery<NormalizedRecord> query = org.query(soql, normalizer::fromRest);
        return new RecordSource() {
            @Override
            public long apiCalls() {
                return query.pagesFetched();
            }

            @Override
            public boolean hasNext() {
                return query.hasNext();
            }

            @Override
            public NormalizedRecord next() {
                return query.next();
            }

            @Override
            public void close() {
                query.close();
            }
        };
    }

    static RecordSource bulk(SalesforceConnection org, String soql, RecordNormalizer normalizer) {
        BulkQuery job = org.bulkQuery(soql);
        job.awaitCompletion();
        BulkRows rows = job.rows();
        return new RecordSource() {
            @Override
            public long apiCalls() {
                return BULK_JOB_CALLS + rows.chunksFetched();
            }

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public NormalizedRecord next() {
                return normalizer.fromCsv(rows.columns(), rows.nextRow());
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }
}
