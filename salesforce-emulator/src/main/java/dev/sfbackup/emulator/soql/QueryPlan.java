package dev.sfbackup.emulator.soql;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SystemFields;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A compiled SOQL query: the object, the selected fields, the filter, the order and the limits.
 *
 * @param modifiedFrom when the filter requires SystemModstamp or LastModifiedDate from an instant on, that instant
 *                     (epoch millis): the records to test are then taken from the object's modification index
 */
public record QueryPlan(
        SObjectTable table,
        List<FieldDef> fields,
        boolean countOnly,
        Predicate<RecordView> where,
        List<SortKey> orderBy,
        Integer limit,
        Integer offset,
        Long modifiedFrom) {

    /** One ORDER BY item. */
    public record SortKey(FieldDef field, boolean descending, boolean nullsFirst) {
    }

    /**
     * The indexes of the matching records in result order. Deleted records are only included for queryAll, only on
     * objects that keep them in the recycle bin (those with IsDeleted), and only until the recycle bin is emptied.
     */
    public int[] execute(boolean includeDeleted) {
        boolean recycleBin = includeDeleted && table.hasField(SystemFields.IS_DELETED);
        int size = table.size();
        int[] candidates = modifiedFrom == null ? null : table.indexesModifiedSince(modifiedFrom);
        int scanned = candidates == null ? size : candidates.length;
        int[] matches = new int[Math.max(16, Math.min(scanned, 1 << 16))];
        int count = 0;
        for (int k = 0; k < scanned; k++) {
            int i = candidates == null ? k : candidates[k];
            if (i >= size) {
                continue;
            }
            RecordView view = table.view(i);
            if (view.deleted() && (!recycleBin || view.purged())) {
                continue;
            }
            if (where != null && !where.test(view)) {
                continue;
            }
            if (count == matches.length) {
                matches = Arrays.copyOf(matches, matches.length * 2);
            }
            matches[count++] = i;
        }
        int[] ordered = sort(Arrays.copyOf(matches, count));
        int from = offset == null ? 0 : Math.min(offset, ordered.length);
        int to = limit == null ? ordered.length : (int) Math.min(ordered.length, (long) from + limit);
        return from == 0 && to == ordered.length ? ordered : Arrays.copyOfRange(ordered, from, to);
    }

    /** The same query answered by scanning every record, as without an index. */
    public QueryPlan withoutIndex() {
        return new QueryPlan(table, fields, countOnly, where, orderBy, limit, offset, null);
    }

    private int[] sort(int[] indexes) {
        if (orderBy.isEmpty() || (orderBy.size() == 1 && orderBy.get(0).field().name().equals(SystemFields.ID) && !orderBy.get(0).descending())) {
            return indexes;
        }
        Object[][] keyed = new Object[indexes.length][];
        for (int i = 0; i < indexes.length; i++) {
            RecordView view = table.view(indexes[i]);
            Object[] row = new Object[orderBy.size() + 1];
            for (int k = 0; k < orderBy.size(); k++) {
                row[k] = view.get(orderBy.get(k).field());
            }
            row[orderBy.size()] = indexes[i];
            keyed[i] = row;
        }
        Arrays.sort(keyed, comparator());
        int[] sorted = new int[indexes.length];
        for (int i = 0; i < keyed.length; i++) {
            sorted[i] = (Integer) keyed[i][orderBy.size()];
        }
        return sorted;
    }

    private Comparator<Object[]> comparator() {
        Comparator<Object[]> result = null;
        for (int k = 0; k < orderBy.size(); k++) {
            int column = k;
            SortKey key = orderBy.get(k);
            Comparator<Object[]> one = (a, b) -> {
                Object x = a[column];
                Object y = b[column];
                if (x == null || y == null) {
                    if (x == y) {
                        return 0;
                    }
                    return (x == null) == key.nullsFirst() ? -1 : 1;
                }
                int c = Values.compare(x, y);
                return key.descending() ? -c : c;
            };
            result = result == null ? one : result.thenComparing(one);
        }
        return result.thenComparing(a -> (Integer) a[orderBy.size()]);
    }
}
