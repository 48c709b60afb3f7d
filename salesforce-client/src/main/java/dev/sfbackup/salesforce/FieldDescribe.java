package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An element of {@code GET /sobjects/{T}/describe}'s {@code fields[]}. {@code type} is e.g. string, id, reference,
 * datetime, base64. Flags absent from the JSON read false. picklistValues are kept, so a metadata comparison between two
 * points sees values added, removed or deactivated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldDescribe(String name, String label, String type, int length, boolean nillable, boolean createable,
                            boolean updateable, boolean calculated, boolean custom, boolean externalId,
                            List<String> referenceTo, String relationshipName, boolean autoNumber,
                            boolean defaultedOnCreate, List<PicklistValue> picklistValues) {

    @JsonCreator
    public FieldDescribe {
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }

    /** A field without picklist values. */
    public FieldDescribe(String name, String label, String type, int length, boolean nillable, boolean createable,
                         boolean updateable, boolean calculated, boolean custom, boolean externalId,
                         List<String> referenceTo, String relationshipName, boolean autoNumber, boolean defaultedOnCreate) {
        this(name, label, type, length, nillable, createable, updateable, calculated, custom, externalId, referenceTo,
                relationshipName, autoNumber, defaultedOnCreate, List.of());
    }

    /** A field without the restore's properties (not auto-number, not defaulted on create). */
    public FieldDescribe(String name, String label, String type, int length, boolean nillable, boolean createable,
                         boolean updateable, boolean calculated, boolean custom, boolean externalId,
                         List<String> referenceTo, String relationshipName) {
        this(name, label, type, length, nillable, createable, updateable, calculated, custom, externalId, referenceTo,
                relationshipName, false, false);
    }

    /** base64 fields (ContentVersion.VersionData, Attachment.Body) come as blob URLs, not inline values. */
    public boolean isBlob() {
        return "base64".equals(type);
    }
}
