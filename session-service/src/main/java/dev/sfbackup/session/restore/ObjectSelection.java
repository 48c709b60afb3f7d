package dev.sfbackup.session.restore;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * Which stored records of one object a restore writes: all of them, or those with the listed ids or whose stored fields
 * equal {@code where}, plus those the hierarchy links reach; {@code fields} (empty: all) limits what is written.
 * {@code laterLookups}: its lookups to objects restored in the same or a later stage (a cycle between objects), left
 * out of its records task and written by a lookups task once every records task ended.
 */
@RegisterForReflection
public record ObjectSelection(String object, boolean all, List<String> ids, Map<String, String> where, List<String> fields,
        List<Link> links, List<String> laterLookups) {

    public ObjectSelection {
        laterLookups = laterLookups == null ? List.of() : List.copyOf(laterLookups);
        ids = ids == null ? List.of() : List.copyOf(ids);
        where = where == null ? Map.of() : Map.copyOf(where);
        fields = fields == null ? List.of() : List.copyOf(fields);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An object the request names: all its records unless ids or where narrow them. */
    public static ObjectSelection named(String object, List<String> ids, Map<String, String> where, List<String> fields) {
        boolean narrowed = (ids != null && !ids.isEmpty()) || (where != null && !where.isEmpty());
        return new ObjectSelection(object, !narrowed, ids, where, fields, List.of(), List.of());
    }

    /** An object only the hierarchy brings in: the records its links reach. */
    public static ObjectSelection reached(String object) {
        return new ObjectSelection(object, false, List.of(), Map.of(), List.of(), List.of(), List.of());
    }

    public ObjectSelection with(Link link) {
        if (all || links.contains(link)) {
            return this;
        }
        List<Link> more = new java.util.ArrayList<>(links);
        more.add(link);
        return new ObjectSelection(object, all, ids, where, fields, more, laterLookups);
    }

    public ObjectSelection withLaterLookups(List<String> fieldNames) {
        return new ObjectSelection(object, all, ids, where, fields, links, fieldNames);
    }

    /**
     * CHILD_OF: the records whose lookup {@code field} points at a selected record of {@code other} (a parent);
     * PARENT_OF: the records a selected record of {@code other} (a child) points at through its lookup {@code field}.
     */
    @RegisterForReflection
    public record Link(Direction direction, String other, String field) {
    }

    public enum Direction {
        CHILD_OF, PARENT_OF
    }
}
