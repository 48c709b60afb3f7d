package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /services/data/vNN.N/sobjects/{T}/describe} (the parts a backup and a restore need). Flags absent from
 * the JSON read false, lists empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SObjectDescribe(String name, String label, boolean custom, boolean queryable, boolean retrieveable,
                              boolean replicateable, boolean createable, boolean updateable, boolean undeletable,
                              List<FieldDescribe> fields, List<ChildRelationship> childRelationships) {

    static final List<String> INCREMENTAL_FIELDS = List.of("SystemModstamp", "LastModifiedDate");

    @JsonCreator
    public SObjectDescribe {
        fields = fields == null ? List.of() : List.copyOf(fields);
        childRelationships = childRelationships == null ? List.of() : List.copyOf(childRelationships);
    }

    /** A describe without the restore's properties (not undeletable, no child relationships). */
    public SObjectDescribe(String name, String label, boolean custom, boolean queryable, boolean retrieveable,
                           boolean replicateable, boolean createable, boolean updateable, List<FieldDescribe> fields) {
        this(name, label, custom, queryable, retrieveable, replicateable, createable, updateable, false, fields, List.of());
    }

    /**
     * An element of the describe's {@code childRelationships[]}: the {@code field} of {@code childSObject} that looks
     * up to this object; with {@code cascadeDelete} deleting a record of this object deletes those children too.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChildRelationship(String childSObject, String field, String relationshipName, boolean cascadeDelete) {
    }

    public Optional<FieldDescribe> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }

    /**
     * The field that tells which records changed: SystemModstamp, else LastModifiedDate; empty when the object has
     * neither (then it is compared in full).
     */
    public Optional<String> incrementalField() {
        return INCREMENTAL_FIELDS.stream().filter(candidate -> field(candidate).isPresent()).findFirst();
    }

    /**
     * Fields a Bulk API 2.0 query can select: all but compound fields (address, location) and base64 bodies, which
     * Bulk queries do not support.
     */
    public List<String> bulkSelectableFieldNames() {
        return fields.stream()
                .filter(f -> !"address".equals(f.type()) && !"location".equals(f.type()) && !f.isBlob())
                .map(FieldDescribe::name)
                .toList();
    }

    /** The names of all fields, in describe order, for a {@code SELECT} list. */
    public List<String> fieldNames() {
        return fields.stream().map(FieldDescribe::name).toList();
    }
}
