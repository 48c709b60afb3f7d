package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** {@code GET /services/data/vNN.N/sobjects/{T}/describe} (the parts a backup needs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SObjectDescribe(String name, String label, boolean custom, boolean queryable, boolean retrieveable,
                              boolean replicateable, boolean createable, boolean updateable, List<FieldDescribe> fields) {

    static final List<String> INCREMENTAL_FIELDS = List.of("SystemModstamp", "LastModifiedDate");

    public SObjectDescribe {
        fields = fields == null ? List.of() : List.copyOf(fields);
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
