package dev.sfbackup.emulator.soql;

import java.time.Instant;
import java.time.LocalDate;

/** Comparison of field values the way SOQL compares them (text case-insensitively). */
final class Values {

    private Values() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (x instanceof String a && y instanceof String b) {
            return a.compareToIgnoreCase(b);
        }
        if ((x instanceof Instant && y instanceof Instant) || (x instanceof LocalDate && y instanceof LocalDate)
                || (x instanceof Boolean && y instanceof Boolean)) {
            return ((Comparable) x).compareTo(y);
        }
        return x.toString().compareToIgnoreCase(y.toString());
    }
}
