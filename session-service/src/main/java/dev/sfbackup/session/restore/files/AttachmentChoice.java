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
 * Which stored Attachments a restore puts back: those the request names (00P… ids) and, with {@code all}, every
 * Attachment whose parent is a record the restore wrote. Parents come from the backed-up Attachment records.
 */
final class AttachmentChoice {

    static final String PREFIX = "00P";

    private final Map<String, PolicyFileView> bodies;
    private final Map<String, ObjectNode> records;

    /** bodies and records by Attachment id. */
    AttachmentChoice(Map<String, PolicyFileView> bodies, Map<String, ObjectNode> records) {
        this.bodies = bodies;
        this.records = records;
    }

    /** The Attachments chosen, each once, in request order; ids that name nothing stored come back in {@code unknown}. */
    List<AttachmentRestore.Chosen> choose(RestoreRequest.Files files, Set<String> restoredRecords, List<String> unknown) {
        Map<String, AttachmentRestore.Chosen> chosen = new LinkedHashMap<>();
        for (String id : files.ids() == null ? List.<String>of() : files.ids()) {
            if (!id.startsWith(PREFIX)) {
                continue;
            }
            String full = known(id);
            if (full == null) {
                unknown.add(id);
            } else {
                chosen.putIfAbsent(full, chosen(full));
            }
        }
        if (files.allOfTheRecords()) {
            for (ObjectNode record : records.values()) {
                if (restoredRecords.contains(record.path("ParentId").asText(""))) {
                    chosen.putIfAbsent(record.path("Id").asText(), chosen(record.path("Id").asText()));
                }
            }
        }
        return new ArrayList<>(chosen.values());
    }

    private String known(String id) {
        if (records.containsKey(id) || bodies.containsKey(id)) {
            return id;
        }
        if (id.length() != 15) {
            return null;
        }
        return records.keySet().stream().filter(known -> known.startsWith(id)).findFirst()
                .orElse(bodies.keySet().stream().filter(known -> known.startsWith(id)).findFirst().orElse(null));
    }

    private AttachmentRestore.Chosen chosen(String id) {
        return new AttachmentRestore.Chosen(id, records.get(id), bodies.get(id));
    }
}
