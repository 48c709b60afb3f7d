package dev.sfbackup.session.restore.execute;

import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of an object a restore writes, from the target org's describe: createable ones on insert, updateable
 * ones on update, never calculated, auto-number, system, compound or blob fields; when the request names fields,
 * only those. A field mapping renames backup fields to target fields. Lookups that close a cycle between objects (the
 * selection's later lookups) are left to a later task.
 */
final class FieldRules {

    /** Written by Salesforce alone, whatever a describe says. */
    private static final Set<String> SYSTEM = Set.of("Id", "IsDeleted", "SystemModstamp", "LastModifiedDate",
            "LastModifiedById", "LastActivityDate", "LastViewedDate", "LastReferencedDate", "MasterRecordId");
    /** Set on insert only where the org allows it ("Set Audit Fields upon Record Creation": the describe makes them createable). */
    static final List<String> AUDIT = List.of("CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById");
    private static final Set<String> NOT_WRITABLE_TYPES = Set.of("address", "location", "base64", "id");

    private final List<RestorableField> fields;
    private final List<String> skippedAudit;

    private final Set<String> laterLookups;

    /** laterLookups: backup names of the lookups a later task writes (a cycle between objects). */
    FieldRules(SObjectDescribe target, Map<String, String> mapping, List<String> only, List<String> laterLookups) {
        this.laterLookups = Set.copyOf(laterLookups);
        Map<String, String> sourceByTarget = new HashMap<>();
        mapping.forEach((source, targetName) -> sourceByTarget.put(targetName, source));
        List<RestorableField> chosen = new ArrayList<>();
        for (FieldDescribe field : target.fields()) {
            String source = sourceByTarget.getOrDefault(field.name(), mapping.containsKey(field.name()) ? null : field.name());
            if (source == null || !writable(field) || (!only.isEmpty() && !only.contains(source))) {
                continue;
            }
            chosen.add(new RestorableField(source, field, field.referenceTo().contains(target.name())));
        }
        this.fields = List.copyOf(chosen);
        List<String> skipped = new ArrayList<>();
        for (String audit : AUDIT) {
            boolean wanted = only.isEmpty() || only.contains(audit);
            if (wanted && target.fields().stream().anyMatch(field -> field.name().equals(audit))
                    && chosen.stream().noneMatch(field -> field.name().equals(audit) && field.target().createable())) {
                skipped.add(audit);
            }
        }
        this.skippedAudit = List.copyOf(skipped);
    }

    /** The audit fields a recreated record cannot keep: the target org does not let them be set (or Salesforce alone writes them). */
    List<String> skippedAuditFields() {
        return skippedAudit;
    }

    private static boolean writable(FieldDescribe field) {
        return (field.createable() || field.updateable()) && !field.calculated() && !field.autoNumber() && !SYSTEM.contains(field.name())
                && !NOT_WRITABLE_TYPES.contains(field.type());
    }

    List<RestorableField> all() {
        return fields;
    }

    /** The fields compared and written in the first pass: all but the lookups to the object's own records and the later ones. */
    List<RestorableField> firstPass() {
        return fields.stream().filter(field -> !field.selfLookup() && !laterLookups.contains(field.source())).toList();
    }

    /**
     * The fields a record's first write may hold: the first pass's and the self-lookups, which go along when their
     * target is live in the org already.
     */
    List<RestorableField> firstWrite() {
        return fields.stream().filter(field -> field.selfLookup() || !laterLookups.contains(field.source())).toList();
    }

    /** The lookups closing a cycle between objects, written by the object's lookups task. */
    List<RestorableField> laterLookups() {
        return fields.stream().filter(field -> !field.selfLookup() && laterLookups.contains(field.source())).toList();
    }

    List<RestorableField> selfLookups() {
        return fields.stream().filter(RestorableField::selfLookup).toList();
    }
}
