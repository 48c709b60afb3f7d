package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.BulkIngest;
import dev.sfbackup.salesforce.SObjectCollections;
import dev.sfbackup.salesforce.SaveResult;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A restore's writes into the target org, each record's result in input order. Below the bulk threshold: sObject
 * Collections (200 a call, allOrNone=false, so one rejected record does not hold back the others); at or above it, one
 * Bulk API 2.0 ingest job, its results matched back by a correlation column ({@code Id} for updates; for inserts a text
 * column the records already carry with a distinct value in each, such as an Account's Name; without one, inserts stay
 * on sObject Collections). SOAP undelete: 200 ids a call.
 */
final class OrgWrites {

    private static final String ID = "Id";

    private final SalesforceConnection org;
    private final ApiCalls calls;
    private final int bulkThreshold;

    OrgWrites(SalesforceConnection org, ApiCalls calls, int bulkThreshold) {
        this.org = org;
        this.calls = calls;
        this.bulkThreshold = bulkThreshold;
    }

    List<SaveResult> create(String object, List<ObjectNode> records) {
        if (records.size() >= bulkThreshold) {
            Optional<String> correlation = distinctTextColumn(records);
            if (correlation.isPresent()) {
                return bulk(object, BulkIngest.Operation.INSERT, records, correlation.get());
            }
        }
        calls.add(ApiCalls.callsFor(records.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return records.isEmpty() ? List.of() : org.collections().create(object, records, false);
    }

    List<SaveResult> update(String object, List<ObjectNode> records) {
        if (records.size() >= bulkThreshold) {
            return bulk(object, BulkIngest.Operation.UPDATE, records, ID);
        }
        calls.add(ApiCalls.callsFor(records.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return records.isEmpty() ? List.of() : org.collections().update(object, records, false);
    }

    List<SaveResult> undelete(List<String> ids) {
        calls.add(ApiCalls.callsFor(ids.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return ids.isEmpty() ? List.of() : org.undelete(ids);
    }

    /** One ingest job over the records; a row the job left unprocessed fails with the job's state and message. */
    private List<SaveResult> bulk(String object, BulkIngest.Operation operation, List<ObjectNode> records, String correlation) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>(records.size());
        for (ObjectNode record : records) {
            Map<String, String> row = new LinkedHashMap<>();
            record.fields().forEachRemaining(field -> {
                columns.add(field.getKey());
                row.put(field.getKey(), cell(field.getValue()));
            });
            rows.add(row);
        }
        BulkIngest.Results results = org.bulkIngest().run(object, operation, List.copyOf(columns), rows, correlation);
        calls.add(results.apiCalls());
        SaveResult unprocessed = new SaveResult(null, false, List.of(new SaveResult.SaveError("BULK_JOB_" + results.state().toUpperCase(),
                "ingest job " + results.jobId() + " did not process this record" + (results.errorMessage() == null ? ""
                        : ": " + results.errorMessage()), List.of())));
        List<SaveResult> inOrder = new ArrayList<>(records.size());
        for (Map<String, String> row : rows) {
            inOrder.add(results.byCorrelation().getOrDefault(row.get(correlation), unprocessed));
        }
        return inOrder;
    }

    /** The first column every record carries as non-empty text, with a different value in each. */
    private static Optional<String> distinctTextColumn(List<ObjectNode> records) {
        List<String> candidates = new ArrayList<>();
        records.get(0).fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && !field.getValue().asText().isEmpty()) {
                candidates.add(field.getKey());
            }
        });
        for (String column : candidates) {
            Set<String> seen = new HashSet<>();
            boolean distinct = records.stream().allMatch(record -> {
                JsonNode value = record.get(column);
                return value != null && value.isTextual() && !value.asText().isEmpty() && seen.add(value.asText());
            });
            if (distinct) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static String cell(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
