package dev.sfbackup.emulator.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The org's recycle bin, as Salesforce keeps it: a deleted record stays (IsDeleted = true, seen by queryAll) until it
 * is undeleted, with its id, or emptied for good. Deleting a record also deletes the records whose cascading lookup
 * points at it (an Account's Contacts, Opportunities and Cases); undeleting it brings back exactly those, and emptying
 * it empties them too.
 */
public final class RecycleBin {

    /** Why a record could not be undeleted or emptied: Salesforce's statusCode and message. */
    public record Refusal(String statusCode, String message) {
    }

    private final Org org;
    /** Parent id → ids of the records its deletion took along. */
    private final Map<String, List<String>> cascaded = new HashMap<>();
    /** Child id → the parent whose deletion took it along. */
    private final Map<String, String> deletedWith = new HashMap<>();

    RecycleBin(Org org) {
        this.org = org;
    }

    /**
     * Moves live records of one object to the recycle bin, with every live record that cascades from them.
     *
     * @return the ids of the records deleted by cascade
     */
    public synchronized List<String> delete(SObjectTable table, List<Integer> indexes, LongSupplier clock) {
        List<String> cascadedIds = new ArrayList<>();
        Map<String, List<Integer>> byParent = new HashMap<>();
        for (int index : indexes) {
            if (!table.isDeleted(index)) {
                table.replace(index, table.state(index).deletedAt(clock.getAsLong()));
                byParent.put(table.idOf(index), new ArrayList<>());
            }
        }
        for (SObjectTable child : org.tables()) {
            List<FieldDef> lookups = child.fields().stream()
                    .filter(f -> f.cascadeDelete() && f.referenceTo().contains(table.name())).toList();
            if (lookups.isEmpty() || byParent.isEmpty()) {
                continue;
            }
            List<Integer> children = new ArrayList<>();
            for (int i = 0; i < child.size(); i++) {
                if (child.isDeleted(i)) {
                    continue;
                }
                RecordView view = child.view(i);
                for (FieldDef lookup : lookups) {
                    Object parentId = view.get(lookup);
                    if (parentId instanceof String id && byParent.containsKey(id)) {
                        children.add(i);
                        cascaded.computeIfAbsent(id, k -> new ArrayList<>()).add(child.idOf(i));
                        deletedWith.put(child.idOf(i), id);
                        break;
                    }
                }
            }
            for (int i : children) {
                cascadedIds.add(child.idOf(i));
            }
            // a child may itself have cascading children (none in the demo org, but custom objects could)
            if (!children.isEmpty()) {
                cascadedIds.addAll(delete(child, children, clock));
            }
        }
        return cascadedIds;
    }

    /** Restores a record from the recycle bin with its id, and the records its deletion took along. */
    public synchronized Optional<Refusal> undelete(String id, LongSupplier clock) {
        Located record = locate(id);
        if (record == null) {
            return Optional.of(new Refusal("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (!record.table().inRecycleBin(record.index())) {
            return Optional.of(new Refusal("UNDELETE_FAILED", "Entity is not in the recycle bin"));
        }
        restore(record, clock);
        return Optional.empty();
    }

    /**
     * Empties one record from the recycle bin, with the records its deletion took along. As Salesforce documents, the
     * id of a record that was deleted by cascade must not be given: its parent's is.
     */
    public synchronized Optional<Refusal> purge(String id) {
        Located record = locate(id);
        if (record == null) {
            return Optional.of(new Refusal("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (!record.table().inRecycleBin(record.index())) {
            return Optional.of(new Refusal("INVALID_ID_FIELD", "Entity is not in the recycle bin"));
        }
        String parentId = deletedWith.get(record.table().idOf(record.index()));
        Located parent = parentId == null ? null : locate(parentId);
        if (parent != null && parent.table().inRecycleBin(parent.index())) {
            return Optional.of(new Refusal("INVALID_ID_FIELD",
                    "This record was deleted with " + parentId + "; empty that record from the recycle bin instead"));
        }
        purge(record);
        return Optional.empty();
    }

    /** Empties every record of the object (or of every object, when null) from the recycle bin; answers how many. */
    public synchronized int purgeAll(SObjectTable only) {
        int purged = 0;
        for (SObjectTable table : only == null ? org.tables() : List.of(only)) {
            for (int i = 0; i < table.size(); i++) {
                if (table.inRecycleBin(i)) {
                    table.replace(i, table.state(i).purgedNow());
                    forget(table.idOf(i));
                    purged++;
                }
            }
        }
        return purged;
    }

    private void restore(Located record, LongSupplier clock) {
        String id = record.table().idOf(record.index());
        record.table().replace(record.index(), record.table().state(record.index()).undeletedAt(clock.getAsLong()));
        String parent = deletedWith.remove(id);
        if (parent != null && cascaded.containsKey(parent)) {
            cascaded.get(parent).remove(id);
        }
        for (String childId : cascaded.getOrDefault(id, List.of()).toArray(String[]::new)) {
            Located child = locate(childId);
            if (child != null && child.table().inRecycleBin(child.index())) {
                restore(child, clock);
            }
        }
        cascaded.remove(id);
    }

    private void purge(Located record) {
        String id = record.table().idOf(record.index());
        record.table().replace(record.index(), record.table().state(record.index()).purgedNow());
        for (String childId : cascaded.getOrDefault(id, List.of()).toArray(String[]::new)) {
            Located child = locate(childId);
            if (child != null && child.table().inRecycleBin(child.index())) {
                purge(child);
            }
        }
        forget(id);
    }

    private void forget(String id) {
        String parent = deletedWith.remove(id);
        if (parent != null && cascaded.containsKey(parent)) {
            cascaded.get(parent).remove(id);
        }
        cascaded.remove(id);
    }

    private record Located(SObjectTable table, int index) {
    }

    private Located locate(String id) {
        Optional<SObjectTable> table = org.tableOfId(id);
        int index = table.map(t -> t.indexOf(id)).orElse(-1);
        return index < 0 ? null : new Located(table.get(), index);
    }
}
