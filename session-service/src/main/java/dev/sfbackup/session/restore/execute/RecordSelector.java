package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.session.restore.ObjectSelection;
import dev.sfbackup.session.restore.RestoreJob;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells which stored records of an object a restore selected: by the request (all, ids, where) or through a hierarchy
 * link to another object's selected records, which it reads from storage once per task. A cycle of links (A reaches B
 * reaches A) contributes nothing the second time round.
 */
final class RecordSelector {

    private final RestoreJob job;
    private final Map<String, ObjectSelection> selections = new HashMap<>();
    private final StoredRecords stored;
    private final Map<ObjectSelection.Link, Set<String>> reached = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    RecordSelector(RestoreJob job, List<ObjectSelection> selections, StoredRecords stored) {
        this.job = job;
        selections.forEach(selection -> this.selections.put(selection.object(), selection));
        this.stored = stored;
    }

    Predicate<ObjectNode> of(String object) {
        ObjectSelection selection = selections.get(object);
        if (selection == null) {
            return record -> false;
        }
        if (selection.all()) {
            return record -> true;
        }
        Set<String> ids = Set.copyOf(selection.ids());
        return record -> {
            String id = record.path("Id").asText();
            if (ids.contains(id) || (!selection.where().isEmpty() && matchesWhere(record, selection.where()))) {
                return true;
            }
            for (ObjectSelection.Link link : selection.links()) {
                String key = link.direction() == ObjectSelection.Direction.CHILD_OF ? text(record.get(link.field())) : id;
                if (key != null && reached(link).contains(key)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static boolean matchesWhere(ObjectNode record, Map<String, String> where) {
        for (Map.Entry<String, String> condition : where.entrySet()) {
            String value = text(record.get(condition.getKey()));
            if (!condition.getValue().equals(value == null ? "" : value)) {
                return false;
            }
        }
        return true;
    }

    /** CHILD_OF: the ids of the selected parents; PARENT_OF: what the selected children's lookup field points at. */
    private Set<String> reached(ObjectSelection.Link link) {
        Set<String> known = reached.get(link);
        if (known != null) {
            return known;
        }
        if (!resolving.add(link.other())) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        stored.forEach(job, link.other(), of(link.other()), record -> {
            String key = link.direction() == ObjectSelection.Direction.CHILD_OF ? text(record.get("Id")) : text(record.get(link.field()));
            if (key != null) {
                keys.add(key);
            }
        });
        resolving.remove(link.other());
        reached.put(link, keys);
        return keys;
    }

    private static String text(JsonNode value) {
        return FieldValues.isEmpty(value) ? null : value.asText();
    }
}
