package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.storage.repository.PolicyFileView;

/**
 * One ContentVersion to put back: its backup id, its stored record (null when the policy kept only the body) and its
 * stored body (null when none was stored by then).
 */
record FileToRestore(String versionId, ObjectNode record, PolicyFileView body) {

    String field(String name) {
        if (record == null || record.path(name).isNull() || record.path(name).asText().isEmpty()) {
            return null;
        }
        return record.path(name).asText();
    }

    String documentId() {
        return field("ContentDocumentId");
    }

    /** The record it was first published on (Salesforce links a new document to it). */
    String parentId() {
        return field("FirstPublishLocationId");
    }

    /** The file name Salesforce keeps (PathOnClient), else the name the body was stored under. */
    String fileName() {
        String path = field("PathOnClient");
        if (path != null) {
            return path;
        }
        return body != null && body.name() != null ? body.name() : versionId;
    }

    String title() {
        String title = field("Title");
        return title != null ? title : fileName();
    }
}
