package dev.sfbackup.session.backup.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.BulkJobFailedException;
import dev.sfbackup.salesforce.BulkQuery;
import dev.sfbackup.salesforce.BulkRows;
import dev.sfbackup.salesforce.RecordIds;
import dev.sfbackup.salesforce.RestQuery;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.salesforce.SalesforceException;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Bulk API 2.0 read as a sequence of jobs over consecutive Id ranges, for an object whose single query job failed
 * with QUERY_TIMEOUT. Each range starts at the next Id the read holds (a one-row REST query, a seek on the Id index,
 * so gaps in the Ids cost no empty jobs) and spans as many Ids as the segment size, so it holds at most that many
 * records. A range whose job times out too is tried again, quartered, before any of its records was read: every
 * record is read exactly once.
 */
public final class SegmentedBulkSource implements RecordSource {

    private final SalesforceConnection org;
    private final ReadPlan plan;
    private final String object;
    private final Duration overlap;
    private final RecordNormalizer normalizer;
    private final BulkSegmentSize size;
    private final Consumer<String> journal;
    private String nextFrom;
    private boolean lastSegment;
    private BulkRows rows;
    private long finishedCalls;

    /** journal: takes a warning line for each smaller segment size, and one when the read gives up. */
    public SegmentedBulkSource(SalesforceConnection org, ReadPlan plan, String object, Duration overlap, RecordNormalizer normalizer,
            BulkSegmentSize size, Consumer<String> journal) {
        this.org = org;
        this.plan = plan;
        this.object = object;
        this.overlap = overlap;
        this.normalizer = normalizer;
        this.size = size;
        this.journal = journal;
    }

    @Override
    public long apiCalls() {
        return finishedCalls + (rows == null ? 0 : rows.chunksFetched());
    }

    @Override
    public boolean hasNext() {
        while ((rows == null || !rows.hasNext()) && !lastSegment) {
            closeSegment();
            openNextSegment();
        }
        return rows != null && rows.hasNext();
    }

    @Override
    public NormalizedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        return normalizer.fromCsv(rows.columns(), rows.nextRow());
    }

    @Override
    public void close() {
        closeSegment();
    }

    private void openNextSegment() {
        Optional<String> first = firstIdFrom(nextFrom);
        if (first.isEmpty()) {
            lastSegment = true;
            return;
        }
        while (true) {
            Optional<String> end = RecordIds.plus(first.get(), size.records());
            BulkQuery job = org.bulkQuery(plan.segmentSoql(object, overlap, first.get(), end.orElse(null)));
            finishedCalls += RecordSource.BULK_JOB_CALLS;
            try {
                job.awaitCompletion();
            } catch (BulkJobFailedException failed) {
                shrinkOrGiveUp(failed, first.get());
                continue;
            }
            rows = job.rows();
            nextFrom = end.orElse(null);
            lastSegment = end.isEmpty();
            return;
        }
    }

    private Optional<String> firstIdFrom(String fromId) {
        try (RestQuery<ObjectNode> seek = org.query(plan.firstIdSoql(object, overlap, fromId))) {
            Optional<String> first = seek.hasNext() ? Optional.of(seek.next().path("Id").asText()) : Optional.empty();
            finishedCalls += seek.pagesFetched();
            return first;
        }
    }

    private void shrinkOrGiveUp(BulkJobFailedException failed, String fromId) {
        int tried = size.records();
        if (!failed.isQueryTimeout()) {
            throw failed;
        }
        if (!size.shrink()) {
            String reason = "QUERY_TIMEOUT even on a Bulk API 2.0 segment of " + tried + " records from Id " + fromId
                    + " after " + size.timeouts() + " retries with smaller chunks; giving up (job " + failed.jobId() + ")";
            journal.accept(reason);
            throw new SalesforceException(failed.httpStatus(), failed.errorCode(), reason, false, failed);
        }
        journal.accept("QUERY_TIMEOUT on the Bulk API 2.0 segment of " + tried + " records from Id " + fromId
                + "; retrying in segments of " + size.records() + " records");
    }

    private void closeSegment() {
        if (rows != null) {
            finishedCalls += rows.chunksFetched();
            rows.close();
            rows = null;
        }
    }
}
