package dev.sfbackup.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** An org object as the policy's earlier runs saw it: its fields, and what was found new but not added to the scope. */
@Entity
@Table(name = "org_catalog")
@IdClass(CatalogEntry.Key.class)
public class CatalogEntry {

    @Id
    @Column(name = "policy_id")
    public UUID policyId;

    @Id
    @Column(name = "object_name")
    public String objectName;

    public boolean ignored;

    /** Field names, one per line. */
    public String fields = "";

    @Column(name = "ignored_fields")
    public String ignoredFields = "";

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Set<String> fieldSet() {
        return lines(fields);
    }

    public Set<String> ignoredFieldSet() {
        return lines(ignoredFields);
    }

    /** Whether the entry already holds exactly these fields and ignored fields, in this order. */
    public boolean holds(Collection<String> fieldNames, Collection<String> ignoredFieldNames) {
        return fields.equals(String.join("\n", fieldNames)) && ignoredFields.equals(String.join("\n", ignoredFieldNames));
    }

    private static Set<String> lines(String text) {
        return text.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(text.split("\n")));
    }

    public static class Key implements Serializable {
        public UUID policyId;
        public String objectName;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.policyId.equals(policyId) && key.objectName.equals(objectName);
        }

        @Override
        public int hashCode() {
            return policyId.hashCode() * 31 + objectName.hashCode();
        }
    }
}
