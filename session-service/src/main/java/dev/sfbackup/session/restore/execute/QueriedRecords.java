package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The org's records read by id: REST queryAll over id lists that fit a request line, one call per slice. */
final class QueriedRecords implements CurrentRecords {

    private final SalesforceConnection org;
    private final String select;
    private final ApiCalls calls;

    QueriedRecords(SalesforceConnection org, String object, List<RestorableField> fields, ApiCalls calls) {
        this.org = org;
        StringBuilder select = new StringBuilder("SELECT Id, IsDeleted");
        fields.forEach(field -> select.append(", ").append(field.name()));
        this.select = select.append(" FROM ").append(object).append(" WHERE Id IN (").toString();
        this.calls = calls;
    }

    @Override
    public Map<String, ObjectNode> of(Collection<String> ids) {
        Map<String, ObjectNode> found = new HashMap<>();
        for (List<String> slice : Soql.slices(ids, Soql.MAX_ID_LIST)) {
            calls.add(1);
            org.queryAll(select + Soql.idList(slice) + ")").forEachRemaining(row -> found.put(row.path("Id").asText(), row));
        }
        return found;
    }
}
