package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SalesforceConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds in the org the records an interrupted attempt created but never recorded in the id map (it was killed between
 * Salesforce's answer and the id map): the object's records created since the intent was stored (less a margin for
 * clocks that disagree; read in groups of fields when one query would not fit a URL, {@link FieldGroups}), each matched
 * to a record about to be created again by every field value it would write. A candidate serves one record only, and
 * one already in the id map (another record's) none.
 */
final class EarlierCreates {

    /** The org's clock and this instance's may disagree by this much. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final SalesforceConnection org;
    private final String object;
    private final Map<String, String> typeByField = new HashMap<>();
    private final ApiCalls calls;

    EarlierCreates(SalesforceConnection org, String object, List<RestorableField> fields, ApiCalls calls) {
        this.org = org;
        this.object = object;
        fields.forEach(field -> typeByField.put(field.name(), field.target().type()));
        this.calls = calls;
    }

    /** For each body (by position in {@code bodies}) the id of the record found for it; absent when none matches. */
    Map<Integer, String> find(List<ObjectNode> bodies, Instant sentSince, Set<String> alreadyMapped) {
        Set<String> fields = new LinkedHashSet<>();
        bodies.forEach(body -> body.fieldNames().forEachRemaining(fields::add));
        fields.remove("Id");
        String since = sentSince.minus(CLOCK_MARGIN).truncatedTo(ChronoUnit.SECONDS).toString();
        UnaryOperator<String> soql = select -> "SELECT " + select + " FROM " + object + " WHERE CreatedDate >= " + since;
        FieldGroups groups = new FieldGroups(List.of("Id"), List.copyOf(fields), soql, org::restQueryFits);
        List<ObjectNode> candidates = groups.read(select -> org.query(soql.apply(select)), calls).values().stream()
                .filter(row -> !alreadyMapped.contains(row.path("Id").asText())).toList();
        Map<Integer, String> found = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode body = bodies.get(i);
            for (ObjectNode candidate : candidates) {
                String id = candidate.path("Id").asText();
                if (!taken.contains(id) && matches(body, candidate)) {
                    taken.add(id);
                    found.put(i, id);
                    break;
                }
            }
        }
        return found;
    }

    private boolean matches(ObjectNode body, JsonNode candidate) {
        var names = body.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!FieldValues.same(typeByField.getOrDefault(field, "string"), body.get(field), candidate.get(field))) {
                return false;
            }
        }
        return true;
    }
}
