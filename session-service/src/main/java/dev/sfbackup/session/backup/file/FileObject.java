package dev.sfbackup.session.backup.file;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An object whose records carry a file body the FILE session stores: its blob field, the fields that name the file,
 * and whether only the latest version of each file counts (ContentVersion's IsLatest).
 */
record FileObject(String name, String bodyField, List<String> nameFields, List<String> extraFields, boolean latestOnly) {

    static final FileObject CONTENT_VERSION = new FileObject("ContentVersion", "VersionData", List.of("PathOnClient", "Title"),
            List.of("ContentSize"), true);
    static final FileObject ATTACHMENT = new FileObject("Attachment", "Body", List.of("Name"), List.of("BodyLength"), false);

    static final List<FileObject> ALL = List.of(CONTENT_VERSION, ATTACHMENT);

    /** The file name a body is stored under: the first naming field set, else the record id. */
    String fileName(ObjectNode record) {
        String id = record.path("Id").asText();
        for (String field : nameFields) {
            String value = record.path(field).asText("");
            if (!value.isEmpty() && !record.path(field).isNull()) {
                return value;
            }
        }
        return id;
    }

    /** The records whose bodies to store, modified since {@code since} when given, in id order. */
    String soql(SObjectDescribe describe, Optional<Instant> since) {
        List<String> fields = new ArrayList<>(List.of("Id"));
        for (String optional : concat(nameFields, extraFields)) {
            if (describe.field(optional).isPresent()) {
                fields.add(optional);
            }
        }
        List<String> conditions = new ArrayList<>();
        if (latestOnly && describe.field("IsLatest").isPresent()) {
            conditions.add("IsLatest = true");
        }
        Optional<String> modified = describe.incrementalField();
        if (since.isPresent() && modified.isPresent()) {
            conditions.add(modified.get() + " > " + SalesforceDateTime.soqlLiteral(since.get()));
        }
        return "SELECT " + String.join(", ", fields) + " FROM " + name
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY Id";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
