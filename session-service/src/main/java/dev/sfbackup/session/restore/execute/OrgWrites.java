package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SObjectCollections;
import dev.sfbackup.salesforce.SaveResult;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.List;

/**
 * A restore's writes into the target org, each record's result in input order: sObject Collections (200 a call,
 * allOrNone=false, so one rejected record does not hold back the others) and SOAP undelete (200 ids a call).
 */
final class OrgWrites {

    private final SalesforceConnection org;
    private final ApiCalls calls;

    OrgWrites(SalesforceConnection org, ApiCalls calls) {
        this.org = org;
        this.calls = calls;
    }

    List<SaveResult> create(String object, List<ObjectNode> records) {
        calls.add(ApiCalls.callsFor(records.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return records.isEmpty() ? List.of() : org.collections().create(object, records, false);
    }

    List<SaveResult> update(String object, List<ObjectNode> records) {
        calls.add(ApiCalls.callsFor(records.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return records.isEmpty() ? List.of() : org.collections().update(object, records, false);
    }

    List<SaveResult> undelete(List<String> ids) {
        calls.add(ApiCalls.callsFor(ids.size(), SObjectCollections.MAX_RECORDS_PER_CALL));
        return ids.isEmpty() ? List.of() : org.undelete(ids);
    }
}
