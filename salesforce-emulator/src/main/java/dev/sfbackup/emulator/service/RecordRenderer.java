package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.RecordView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders records the way the REST API does: an attributes object, then the fields in the order asked for. */
@ApplicationScoped
public class RecordRenderer {

    private final BlobService blobs;

    public RecordRenderer(BlobService blobs) {
        this.blobs = blobs;
    }

    public Map<String, Object> rest(RecordView record, List<FieldDef> fields, String version) {
        String url = "/services/data/v" + version + "/sobjects/" + record.table().name() + "/" + record.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", Map.of("type", record.table().name(), "url", url));
        for (FieldDef field : fields) {
            json.put(field.name(), value(record, field, url));
        }
        return json;
    }

    /** A field value as REST JSON shows it; base64 fields show the URL their body is downloaded from. */
    public Object value(RecordView record, FieldDef field, String recordUrl) {
        if (field.type() == FieldType.BASE64) {
            return blobs.size(record, field) >= 0 ? recordUrl + "/" + field.name() : null;
        }
        return field.type().toJson(record.get(field));
    }
}
