package dev.sfbackup.session.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.FieldDescribe;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceDateTime;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a record the same JSON whether it came from a REST query (typed JSON) or a Bulk API 2.0 CSV row (strings),
 * so storage's content hash changes only when the data changes: numbers and booleans typed, date-times in one format,
 * empty values null, Salesforce's "attributes" dropped.
 */
final class RecordNormalizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<String> fields;
    private final Map<String, String> typeByField = new HashMap<>();

    RecordNormalizer(SObjectDescribe describe, List<String> fields) {
        this.fields = List.copyOf(fields);
        for (FieldDescribe field : describe.fields()) {
            typeByField.put(field.name(), field.type());
        }
    }

    ObjectNode fromRest(ObjectNode record) {
        ObjectNode normalized = NODES.objectNode();
        for (String field : fields) {
            JsonNode value = record.get(field);
            normalized.set(field, value == null || value.isNull() ? NODES.nullNode() : typed(field, value.asText()));
        }
        return normalized;
    }

    ObjectNode fromCsv(Map<String, String> row) {
        ObjectNode normalized = NODES.objectNode();
        for (String field : fields) {
            String value = row.get(field);
            normalized.set(field, value == null ? NODES.nullNode() : typed(field, value));
        }
        return normalized;
    }

    private JsonNode typed(String field, String text) {
        if (text.isEmpty()) {
            return NODES.nullNode();
        }
        String type = typeByField.getOrDefault(field, "string");
        try {
            return switch (type) {
                case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(text));
                case "int", "long" -> NODES.numberNode(new BigDecimal(text).longValueExact());
                case "double", "currency", "percent" -> NODES.numberNode(new BigDecimal(text).stripTrailingZeros());
                case "datetime" -> NODES.textNode(DATE_TIME.format(SalesforceDateTime.parse(text)));
                default -> NODES.textNode(text);
            };
        } catch (RuntimeException unparsable) {
            return NODES.textNode(text);
        }
    }
}
