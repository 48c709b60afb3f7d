package dev.sfbackup.emulator.org;

import java.time.Instant;
import java.time.LocalDate;

/** Plausible values of any field type, for custom fields and objects added at run time. */
public final class GenericValues {

    private GenericValues() {
    }

    public static ValueGenerator of(FieldType type, String fieldName, int length) {
        String base = fieldName.endsWith("__c") ? fieldName.substring(0, fieldName.length() - 3) : fieldName;
        return switch (type) {
            case STRING, PICKLIST -> (r, n) -> truncate(base.replace('_', ' ') + " " + (char) ('A' + Noise.below(n, 26)) + Noise.below(n >>> 16, 1000), length);
            case TEXTAREA -> (r, n) -> truncate(Words.text(n, 30), length);
            case EMAIL -> (r, n) -> "contact" + Noise.below(n, 100000) + "@example.org";
            case PHONE -> (r, n) -> String.format("+1 555 %03d %04d", Noise.below(n, 1000), Noise.below(n >>> 20, 10000));
            case URL -> (r, n) -> "https://www.example.com/" + Noise.below(n, 100000);
            case BOOLEAN -> (r, n) -> (n & 1) == 0;
            case INT -> (r, n) -> Noise.below(n, 10000);
            case DOUBLE, CURRENCY, PERCENT -> (r, n) -> Noise.below(n, 10_000_000) / 100.0;
            case DATE -> (r, n) -> LocalDate.of(2024, 1, 1).plusDays(Noise.below(n, 900));
            case DATETIME -> (r, n) -> Instant.ofEpochSecond(1_704_067_200L + Noise.below(n, 60_000_000));
            case ID, REFERENCE, BASE64 -> (r, n) -> null;
        };
    }

    /** Null on records that existed (unchanged) before the field was added, like a new column in a real org. */
    public static ValueGenerator onlyForNewOrChanged(int existingRecords, ValueGenerator generator) {
        return (r, n) -> r.index() < existingRecords && r.revision() == 0 ? null : generator.generate(r, n);
    }

    static String truncate(String value, int length) {
        return length > 0 && value.length() > length ? value.substring(0, length) : value;
    }
}
