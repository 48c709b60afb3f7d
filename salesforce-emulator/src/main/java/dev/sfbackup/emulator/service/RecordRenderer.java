package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
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
        return rest(record, fields, readers(fields), version);
    }

    /** The records of a query page, each field's reader resolved once for the page rather than once per value. */
    public List<Map<String, Object>> rest(SObjectTable table, int[] indexes, int from, int to, List<FieldDef> fields, String version) {
        List<RecordView.FieldReader> readers = readers(fields);
        List<Map<String, Object>> records = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            records.add(rest(table.view(indexes[i]), fields, readers, version));
        }
        return records;
    }

    private Map<String, Object> rest(RecordView record, List<FieldDef> fields, List<RecordView.FieldReader> readers, String version) {
        String url = "/services/data/v" + version + "/sobjects/" + record.table().name() + "/" + record.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("attributes", Map.of("type", record.table().name(), "url", url));
        for (int f = 0; f < fields.size(); f++) {
            json.put(fields.get(f).name(), value(record, fields.get(f), readers.get(f), url));
        }
        return json;
    }

    /** A field value as REST JSON shows it; base64 fields show the URL their body is downloaded from. */
    private Object value(RecordView record, FieldDef field, RecordView.FieldReader reader, String recordUrl) {
        if (field.type() == FieldType.BASE64) {
            return blobs.size(record, field) >= 0 ? recordUrl + "/" + field.name() : null;
        }
        return field.type().toJson(reader.read(record));
    }

    private static List<RecordView.FieldReader> readers(List<FieldDef> fields) {
        return fields.stream().map(RecordView::reader).toList();
    }
}
