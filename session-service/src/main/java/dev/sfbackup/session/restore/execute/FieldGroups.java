package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.RestQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The fields a REST query reads, in groups whose queries each fit a URL: Salesforce answers 414 to a request line over
 * 16,384 bytes, which the SELECT of an object with several hundred long field names passes. Each group's query carries
 * the key columns (Id first) too; an object whose SELECT fits keeps one group, so one query.
 */
final class FieldGroups {

    private final List<String> keys;
    private final List<List<String>> groups = new ArrayList<>();

    /**
     * @param longestQuery the longest SOQL the caller will send for a select list ({@code "Id, A, B"}), e.g. with a
     *     full id list
     * @param fits whether a SOQL fits a REST query's URL ({@code SalesforceConnection::restQueryFits})
     */
    FieldGroups(List<String> keys, List<String> fields, UnaryOperator<String> longestQuery, Predicate<String> fits) {
        this.keys = List.copyOf(keys);
        if (fits.test(longestQuery.apply(select(fields)))) {
            groups.add(List.copyOf(fields));
            return;
        }
        List<String> group = new ArrayList<>();
        for (String field : fields) {
            group.add(field);
            // a field too long to fit even alone keeps a group of its own: the org's 414 then names the failure
            if (group.size() > 1 && !fits.test(longestQuery.apply(select(group)))) {
                group.removeLast();
                groups.add(List.copyOf(group));
                group = new ArrayList<>(List.of(field));
            }
        }
        groups.add(List.copyOf(group));
    }

    /** The groups of fields in the order the fields came, without the keys. */
    List<List<String>> groups() {
        return groups;
    }

    /** The select list of a group: the keys, then its fields. */
    String select(List<String> group) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(group);
        return String.join(", ", columns);
    }

    /**
     * The rows by Id, each with the columns of every group: one query per group ({@code query} sends the SOQL of a
     * select list), an API call for each of its pages. A row some group did not return is left out, as absent from the
     * org: the queries run one after another, so a record deleted or created in between is in some groups only, and
     * kept it would read the other groups' fields as empty. A record gone in between is gone (a restore recreates it);
     * one new in between was not written by the interrupted attempt {@link EarlierCreates} looks for, which ended
     * before this one started.
     */
    Map<String, ObjectNode> read(Function<String, RestQuery<ObjectNode>> query, ApiCalls calls) {
        Map<String, ObjectNode> rows = null;
        for (List<String> group : groups) {
            Map<String, ObjectNode> groupRows = new LinkedHashMap<>();
            try (RestQuery<ObjectNode> found = query.apply(select(group))) {
                try {
                    found.forEachRemaining(row -> groupRows.put(row.path("Id").asText(), row));
                } finally {
                    calls.add(found.pagesFetched());
                }
            }
            if (rows == null) {
                rows = groupRows;
            } else {
                rows.keySet().retainAll(groupRows.keySet());
                rows.forEach((id, row) -> row.setAll(groupRows.get(id)));
            }
        }
        return rows;
    }
}
