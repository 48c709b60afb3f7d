package dev.sfbackup.salesforce;

import java.util.Optional;

/**
 * Arithmetic on record Ids for key-range queries, as Salesforce's own PK chunking does it: the 15-character Id read
 * as a base-62 number (0-9, A-Z, a-z, which is also its SOQL order), so {@code Id >= a AND Id < plus(a, n)} holds at
 * most n records.
 */
public final class RecordIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Key prefix (3) and instance (2) stay; the 10 characters after them fit a long. */
    private static final int FIXED = 5;
    private static final long LAST = last();

    private RecordIds() {
    }

    /**
     * The 15-character Id {@code count} places after {@code id} (15 or 18 characters); empty when that passes the
     * last Id of the key prefix and instance, so the range has no upper end.
     */
    public static Optional<String> plus(String id, long count) {
        if (id == null || id.length() != 15 && id.length() != 18 || count < 0) {
            throw new IllegalArgumentException("not a 15- or 18-character record Id, or a negative count: " + id + ", " + count);
        }
        long value = 0;
        for (int i = FIXED; i < 15; i++) {
            int digit = BASE62.indexOf(id.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a record Id: " + id);
            }
            value = value * 62 + digit;
        }
        if (count > LAST - value) {
            return Optional.empty();
        }
        long sum = value + count;
        char[] digits = new char[15 - FIXED];
        for (int i = digits.length - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (sum % 62));
            sum /= 62;
        }
        return Optional.of(id.substring(0, FIXED) + new String(digits));
    }

    private static long last() {
        long power = 1;
        for (int i = FIXED; i < 15; i++) {
            power *= 62;
        }
        return power - 1;
    }
}
