package dev.sfbackup.session.restore.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored ContentVersions a restore puts back: those the request names (a ContentVersion id, or a ContentDocument
 * id for its latest stored version) and, with {@code all}, every version first published on a record the restore
 * wrote. Versions are the backed-up ContentVersion records; a body stored without its record (the policy did not keep
 * ContentVersion records) is still found by its version id.
 */
final class FileChoice {

    private final Map<String, PolicyFileView> bodies;
    private final Map<String, ObjectNode> versions;

    /** bodies and versions by ContentVersion id. */
    FileChoice(Map<String, PolicyFileView> bodies, Map<String, ObjectNode> versions) {
        this.bodies = bodies;
        this.versions = versions;
    }

    /** The versions chosen, each once, in request order; ids that name nothing stored come back in {@code unknown}. */
    List<FileToRestore> choose(RestoreRequest.Files files, Set<String> restoredRecords, List<String> unknown) {
        Map<String, FileToRestore> chosen = new LinkedHashMap<>();
        for (String id : files.ids() == null ? List.<String>of() : files.ids()) {
            if (id.startsWith(AttachmentChoice.PREFIX)) {
                continue;
            }
            List<String> found = id.startsWith("069") ? versionsOfDocument(id) : knownVersion(id);
            if (found.isEmpty()) {
                unknown.add(id);
            }
            found.forEach(version -> chosen.putIfAbsent(version, file(version)));
        }
        if (files.allOfTheRecords()) {
            for (ObjectNode version : versions.values()) {
                String parent = version.path("FirstPublishLocationId").asText("");
                if (restoredRecords.contains(parent)) {
                    chosen.putIfAbsent(version.path("Id").asText(), file(version.path("Id").asText()));
                }
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private List<String> knownVersion(String id) {
        String full = versions.containsKey(id) || bodies.containsKey(id) ? id : null;
        if (full == null && id.length() == 15) {
            full = versions.keySet().stream().filter(known -> known.startsWith(id)).findFirst()
                    .orElse(bodies.keySet().stream().filter(known -> known.startsWith(id)).findFirst().orElse(null));
        }
        return full == null ? List.of() : List.of(full);
    }

    /** The document's stored versions that have a body (the backup stores each document's latest version). */
    private List<String> versionsOfDocument(String documentId) {
        List<String> found = new ArrayList<>();
        for (ObjectNode version : versions.values()) {
            String document = version.path("ContentDocumentId").asText("");
            if (!document.isEmpty() && (document.equals(documentId) || document.startsWith(documentId))
                    && bodies.containsKey(version.path("Id").asText())) {
                found.add(version.path("Id").asText());
            }
        }
        return found;
    }

    private FileToRestore file(String versionId) {
        return new FileToRestore(versionId, versions.get(versionId), bodies.get(versionId));
    }
}
