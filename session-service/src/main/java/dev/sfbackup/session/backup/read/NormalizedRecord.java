package dev.sfbackup.session.backup.read;

import java.nio.charset.StandardCharsets;

/**
 * One record of a read as {@link RecordNormalizer} typed it: values (String, Long, BigDecimal, Boolean or null for
 * empty) in the order of the read's fields, which all records of the read share. A text value read from Bulk CSV is
 * a byte[] instead: its UTF-8 bytes as the CSV held them, which the batch writer copies without decoding.
 */
public record NormalizedRecord(String id, String[] fields, Object[] values) {

    /** The value at a position from {@link RecordNormalizer#indexOf} as text; null when empty or not selected. */
    public String text(int index) {
        return index < 0 ? null : text(values[index]);
    }

    /** A value as text: a byte[] decoded from UTF-8, anything else by toString; null stays null. */
    public static String text(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] utf8 -> new String(utf8, StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }
}
