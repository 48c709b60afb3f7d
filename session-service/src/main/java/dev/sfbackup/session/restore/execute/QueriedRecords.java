package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The org's records read by id: REST queryAll over id lists that fit a request line, one call per slice, or one per
 * slice and group of fields when the object's SELECT with a full id list would not fit ({@link FieldGroups}).
 */
final class QueriedRecords implements CurrentRecords {

    private final SalesforceConnection org;
    private final String from;
    private final FieldGroups groups;
    private final ApiCalls calls;

    QueriedRecords(SalesforceConnection org, String object, List<RestorableField> fields, ApiCalls calls) {
        this.org = org;
        this.from = " FROM " + object + " WHERE Id IN (";
        String longestIdList = Soql.longestIdList();
        this.groups = new FieldGroups(List.of("Id", "IsDeleted"), fields.stream().map(RestorableField::name).toList(),
                select -> soql(select, longestIdList), org::restQueryFits);
        this.calls = calls;
    }

    @Override
    public Map<String, ObjectNode> of(Collection<String> ids) {
        Map<String, ObjectNode> found = new HashMap<>();
        for (List<String> slice : Soql.slices(ids, Soql.MAX_ID_LIST)) {
            String idList = Soql.idList(slice);
            found.putAll(groups.read(select -> org.queryAll(soql(select, idList)), calls));
        }
        return found;
    }

    private String soql(String select, String idList) {
        return "SELECT " + select + from + idList + ")";
    }
}
