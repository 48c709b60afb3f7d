package dev.sfbackup.session.backup.read;

/**
 * One record of a read as {@link RecordNormalizer} typed it: values (String, Long, BigDecimal, Boolean or null for
 * empty) in the order of the read's fields, which all records of the read share.
 */
public record NormalizedRecord(String id, String[] fields, Object[] values) {

    /** The value at a position from {@link RecordNormalizer#indexOf} as text; null when empty or not selected. */
    public String text(int index) {
        return index < 0 || values[index] == null ? null : values[index].toString();
    }
}
