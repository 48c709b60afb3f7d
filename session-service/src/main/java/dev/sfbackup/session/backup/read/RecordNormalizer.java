package dev.sfbackup.session.backup.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sfbackup.common.time.UtcMillisText;
import dev.sfbackup.salesforce.CsvRow;
import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a record the same JSON whether it came from a REST query (typed JSON) or a Bulk API 2.0 CSV row (strings),
 * so storage's content hash changes only when the data changes: numbers and booleans typed, date-times in one format,
 * empty values null, Salesforce's "attributes" dropped. Fields come out sorted by name, as storage hashes them.
 */
public final class RecordNormalizer {

    /** How {@link #typed} reads a field's values, by its describe type; TEXT keeps the text Salesforce sent. */
    private enum ValueType {
        BOOLEAN, LONG, DECIMAL, DATETIME, TEXT;

        static ValueType of(String describeType) {
            return switch (describeType) {
                case "boolean" -> BOOLEAN;
                case "int", "long" -> LONG;
                case "double", "currency", "percent" -> DECIMAL;
                case "datetime" -> DATETIME;
                default -> TEXT;
            };
        }
    }

    private final String[] fields;
    private final ValueType[] types;
    private final int idIndex;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private List<String> csvColumns;
    private int[] csvIndexOfField;

    public RecordNormalizer(SObjectDescribe describe, List<String> fields) {
        this.fields = fields.stream().distinct().sorted().toArray(String[]::new);
        Map<String, String> typeByField = new HashMap<>();
        for (FieldDescribe field : describe.fields()) {
            typeByField.put(field.name(), field.type());
        }
        this.types = new ValueType[this.fields.length];
        for (int i = 0; i < this.fields.length; i++) {
            types[i] = ValueType.of(typeByField.getOrDefault(this.fields[i], "string"));
            indexByName.put(this.fields[i], i);
        }
        this.idIndex = indexOf("Id");
    }

    /** The position of a field in every record of this read, or -1 when the read does not select it. */
    public int indexOf(String field) {
        return indexByName.getOrDefault(field, -1);
    }

    /**
     * A record of a REST query page, read token by token (the parser at its START_OBJECT, left at its END_OBJECT).
     * Numbers are typed from the text Salesforce sent, as Bulk CSV values are; objects (the {@code attributes}, a
     * compound field) and fields the read does not select are skipped.
     */
    public NormalizedRecord fromRest(JsonParser record) throws IOException {
        Object[] values = new Object[fields.length];
        while (record.nextToken() == JsonToken.FIELD_NAME) {
            Integer field = indexByName.get(record.currentName());
            JsonToken value = record.nextToken();
            if (value.isStructStart()) {
                record.skipChildren();
            } else if (field != null && value != JsonToken.VALUE_NULL) {
                values[field] = typed(field, record.getText());
            }
        }
        return record(values);
    }

    /** A CSV row given as its values in the order of {@code columns} (the CSV header). */
    public NormalizedRecord fromCsv(List<String> columns, List<String> row) {
        int[] columnOfField = columnsOfFields(columns);
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int column = columnOfField[i];
            values[i] = column < 0 ? null : typed(i, row.get(column));
        }
        return record(values);
    }

    /**
     * A Bulk CSV row as {@link #fromCsv(List, List)} reads it, but a text value stays the UTF-8 bytes the CSV held
     * (a byte[], see {@link NormalizedRecord}): no String is made for the values copied as they are.
     */
    public NormalizedRecord fromCsv(List<String> columns, CsvRow row) {
        int[] columnOfField = columnsOfFields(columns);
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int column = columnOfField[i];
            if (column < 0 || row.isEmpty(column)) {
                continue;
            }
            values[i] = types[i] == ValueType.TEXT ? row.utf8(column) : typed(i, row.text(column));
        }
        return record(values);
    }

    private int[] columnsOfFields(List<String> columns) {
        if (columns != csvColumns) {
            csvIndexOfField = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                csvIndexOfField[i] = columns.indexOf(fields[i]);
            }
            csvColumns = columns;
        }
        return csvIndexOfField;
    }

    private NormalizedRecord record(Object[] values) {
        return new NormalizedRecord(idIndex < 0 ? null : NormalizedRecord.text(values[idIndex]), fields, values);
    }

    /** String, Long, BigDecimal or Boolean; null for an empty value. */
    private Object typed(int field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return switch (types[field]) {
                case BOOLEAN -> Boolean.valueOf(text);
                case LONG -> isPlainLong(text) ? Long.valueOf(text) : new BigDecimal(text).longValueExact();
                case DECIMAL -> new BigDecimal(text).stripTrailingZeros();
                case DATETIME -> UtcMillisText.normalize(text);
                case TEXT -> text;
            };
        } catch (RuntimeException unparsable) {
            return text;
        }
    }

    private static boolean isPlainLong(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (text.length() - start < 1 || text.length() - start > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
