package dev.sfbackup.session.engine;

import dev.sfbackup.api.storage.RestorePointKind;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceDateTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a data task reads its object: which fields, which records, through which API. */
record ReadPlan(SObjectDescribe describe, List<String> fields, RestorePointKind kind, String incrementalField,
        Instant previousWatermark, boolean bulk) {

    /** Incremental reads start an overlap before the watermark, so a clock skew between org and us loses nothing. */
    Instant readFrom(Duration overlap) {
        return previousWatermark.minus(overlap);
    }

    /**
     * The SOQL of the read. REST reads are ordered by Id so that a resumed task continues after the last record of
     * its last committed batch; Bulk API 2.0 results have no order and are re-read whole.
     */
    String soql(String object, Duration overlap, String resumeAfterId) {
        List<String> conditions = new ArrayList<>();
        if (kind == RestorePointKind.INCREMENTAL) {
            conditions.add(incrementalField + " > " + SalesforceDateTime.soqlLiteral(readFrom(overlap)));
        }
        if (resumeAfterId != null && !bulk) {
            conditions.add("Id > '" + resumeAfterId.replace("'", "") + "'");
        }
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(object);
        if (!conditions.isEmpty()) {
            soql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (!bulk) {
            soql.append(" ORDER BY Id");
        }
        return soql.toString();
    }
}
