package dev.sfbackup.session.backup.read;

import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a data task reads its object: which fields, which records, through which API (Bulk API 2.0: one job over the
 * whole object, or after a QUERY_TIMEOUT one job per Id range, see {@link SegmentedBulkSource}).
 */
public record ReadPlan(SObjectDescribe describe, List<String> fields, RestorePointKind kind, String incrementalField,
        Instant previousWatermark, boolean bulk) {

    /** The same read through Bulk API 2.0. */
    public ReadPlan withBulk() {
        return new ReadPlan(describe, fields, kind, incrementalField, previousWatermark, true);
    }

    /** Incremental reads start an overlap before the watermark, so a clock skew between org and us loses nothing. */
    public Instant readFrom(Duration overlap) {
        return previousWatermark.minus(overlap);
    }

    /**
     * The SOQL of the read. REST reads are ordered by Id so that a resumed task continues after the last record of
     * its last committed batch; Bulk API 2.0 results have no order and are re-read whole.
     */
    public String soql(String object, Duration overlap, String resumeAfterId) {
        List<String> conditions = conditions(overlap);
        if (resumeAfterId != null && !bulk) {
            conditions.add("Id > '" + literal(resumeAfterId) + "'");
        }
        return select(String.join(", ", fields), object, conditions) + (bulk ? "" : " ORDER BY Id");
    }

    /**
     * The Bulk API 2.0 SOQL of one segment: {@code Id >= fromId AND Id < toId} (toId null: no upper end). No ORDER BY
     * or LIMIT: Salesforce documents that they disable a Bulk query's PK chunking and make timeouts likelier.
     */
    public String segmentSoql(String object, Duration overlap, String fromId, String toId) {
        List<String> conditions = conditions(overlap);
        conditions.add("Id >= '" + literal(fromId) + "'");
        if (toId != null) {
            conditions.add("Id < '" + literal(toId) + "'");
        }
        return select(String.join(", ", fields), object, conditions);
    }

    /** The REST query for the first Id of the read at or after fromId (null: the very first), a seek on the Id index. */
    public String firstIdSoql(String object, Duration overlap, String fromId) {
        List<String> conditions = conditions(overlap);
        if (fromId != null) {
            conditions.add("Id >= '" + literal(fromId) + "'");
        }
        return select("Id", object, conditions) + " ORDER BY Id LIMIT 1";
    }

    private List<String> conditions(Duration overlap) {
        List<String> conditions = new ArrayList<>();
        if (kind == RestorePointKind.INCREMENTAL) {
            conditions.add(incrementalField + " > " + SalesforceDateTime.soqlLiteral(readFrom(overlap)));
        }
        return conditions;
    }

    private static String select(String columns, String object, List<String> conditions) {
        StringBuilder soql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(object);
        if (!conditions.isEmpty()) {
            soql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        return soql.toString();
    }

    private static String literal(String id) {
        return id.replace("'", "");
    }
}
