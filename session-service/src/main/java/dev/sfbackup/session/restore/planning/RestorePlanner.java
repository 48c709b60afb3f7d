package dev.sfbackup.session.restore.planning;

import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.restore.ObjectSelection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which objects a restore writes and in which order. The hierarchy adds, level by level, the parents the selected
 * records look up (their reference fields) and the children that look up to them (the describe's
 * childRelationships), among the objects the policy backed up; users, groups and other setup objects are never
 * added. Parents come before children: an object's stage is one more than the highest stage of the objects it looks
 * up; a cycle is cut where it is found, and the lookups that close it (to an object of the same or a later stage) are
 * the object's later lookups, written once every object's records exist.
 */
public final class RestorePlanner {

    /**
     * Objects a hierarchy never brings in: setup objects (restoring them would change who can do what in the org) and
     * files, which a restore puts back with their bodies when asked to ({@code files}).
     */
    static final Set<String> NEVER_BY_HIERARCHY = Set.of("User", "Group", "GroupMember", "Profile", "UserRole",
            "PermissionSet", "RecordType", "Organization", "BusinessHours", "Queue", "QueueSobject",
            "ContentVersion", "ContentDocument", "ContentDocumentLink", "Attachment");

    private final Function<String, SObjectDescribe> describe;
    private final Set<String> backedUp;

    public RestorePlanner(Function<String, SObjectDescribe> describe, Set<String> backedUp) {
        this.describe = describe;
        this.backedUp = backedUp;
    }

    /** An object to restore and the stage its task runs in (0 first). */
    public record PlannedObject(ObjectSelection selection, int stage) {
    }

    public List<PlannedObject> plan(List<ObjectSelection> requested, int parentLevels, int childLevels) {
        Map<String, ObjectSelection> selections = new LinkedHashMap<>();
        requested.forEach(selection -> selections.put(selection.object(), selection));
        expand(selections, requested.stream().map(ObjectSelection::object).toList(), childLevels, true);
        expand(selections, requested.stream().map(ObjectSelection::object).toList(), parentLevels, false);
        Map<String, Integer> stages = new HashMap<>();
        for (String object : selections.keySet()) {
            stage(object, selections.keySet(), stages, new HashSet<>());
        }
        List<PlannedObject> planned = new ArrayList<>();
        selections.values().forEach(selection -> planned.add(new PlannedObject(
                selection.withLaterLookups(laterLookups(selection.object(), stages)), stages.get(selection.object()))));
        planned.sort((a, b) -> Integer.compare(a.stage(), b.stage()));
        return planned;
    }

    /**
     * Adds, {@code levels} deep from {@code start}, the children (CHILD_OF the object that reached them) or the parents
     * (PARENT_OF the object whose lookups reached them).
     */
    private void expand(Map<String, ObjectSelection> selections, List<String> start, int levels, boolean children) {
        List<String> frontier = start;
        for (int level = 0; level < levels && !frontier.isEmpty(); level++) {
            List<String> next = new ArrayList<>();
            for (String object : frontier) {
                for (Related related : children ? children(object) : parents(object)) {
                    ObjectSelection.Link link = new ObjectSelection.Link(children ? ObjectSelection.Direction.CHILD_OF
                            : ObjectSelection.Direction.PARENT_OF, object, related.field());
                    selections.put(related.object(), selections.getOrDefault(related.object(),
                            ObjectSelection.reached(related.object())).with(link));
                    if (!next.contains(related.object())) {
                        next.add(related.object());
                    }
                }
            }
            frontier = next;
        }
    }

    /** An object related to another through {@code field}, a lookup of the child. */
    private record Related(String object, String field) {
    }

    /** The objects whose records look up to {@code parent}'s, with their lookup field. */
    private List<Related> children(String parent) {
        List<Related> related = new ArrayList<>();
        for (SObjectDescribe.ChildRelationship relationship : describe.apply(parent).childRelationships()) {
            String child = relationship.childSObject();
            if (eligible(child) && !child.equals(parent) && relationship.field() != null) {
                related.add(new Related(child, relationship.field()));
            }
        }
        return related;
    }

    /** The objects {@code child}'s records look up, with the child's lookup field. */
    private List<Related> parents(String child) {
        List<Related> related = new ArrayList<>();
        for (FieldDescribe field : describe.apply(child).fields()) {
            if ("reference".equals(field.type()) && field.referenceTo().size() == 1) {
                String parent = field.referenceTo().get(0);
                if (eligible(parent) && !parent.equals(child)) {
                    related.add(new Related(parent, field.name()));
                }
            }
        }
        return related;
    }

    private boolean eligible(String object) {
        return backedUp.contains(object) && !NEVER_BY_HIERARCHY.contains(object);
    }

    /** The lookups of {@code object} to another planned object whose stage is not earlier: they close a cycle. */
    private List<String> laterLookups(String object, Map<String, Integer> stages) {
        List<String> later = new ArrayList<>();
        int own = stages.get(object);
        for (FieldDescribe field : describe.apply(object).fields()) {
            if ("reference".equals(field.type()) && field.referenceTo().size() == 1) {
                Integer target = stages.get(field.referenceTo().get(0));
                if (!field.referenceTo().get(0).equals(object) && target != null && target >= own) {
                    later.add(field.name());
                }
            }
        }
        return later;
    }

    private int stage(String object, Set<String> planned, Map<String, Integer> stages, Set<String> visiting) {
        Integer known = stages.get(object);
        if (known != null) {
            return known;
        }
        if (!visiting.add(object)) {
            return -1; // a cycle: this lookup does not order the objects
        }
        int stage = 0;
        for (FieldDescribe field : describe.apply(object).fields()) {
            for (String parent : field.referenceTo()) {
                if (!parent.equals(object) && planned.contains(parent)) {
                    stage = Math.max(stage, stage(parent, planned, stages, visiting) + 1);
                }
            }
        }
        visiting.remove(object);
        stages.put(object, stage);
        return stage;
    }
}
