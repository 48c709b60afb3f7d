package dev.sfbackup.emulator.org;

/** Builds and parses 18-character Salesforce record ids: key prefix, pod, counter and case-safe checksum. */
public final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String CHECKSUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "Dn0";
    private static final int COUNTER_DIGITS = 9;

    private SalesforceIds() {
    }

    public static String id(String keyPrefix, long counter) {
        int prefixLength = keyPrefix.length() + POD.length();
        char[] id = new char[prefixLength + COUNTER_DIGITS + 3];
        keyPrefix.getChars(0, keyPrefix.length(), id, 0);
        POD.getChars(0, POD.length(), id, keyPrefix.length());
        long n = counter;
        for (int i = prefixLength + COUNTER_DIGITS - 1; i >= prefixLength; i--) {
            id[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        for (int block = 0; block < 3; block++) {
            id[prefixLength + COUNTER_DIGITS + block] = checksumChar(id, block);
        }
        return new String(id);
    }

    /** The counter encoded in an id of the given prefix, or -1 when the id is malformed or of another prefix. */
    public static long counterOf(String keyPrefix, String id) {
        if (id == null || (id.length() != 15 && id.length() != 18) || !id.startsWith(keyPrefix + POD)) {
            return -1;
        }
        String id15 = id.substring(0, 15);
        if (id.length() == 18 && !checksum(id15).equalsIgnoreCase(id.substring(15))) {
            return -1;
        }
        long n = 0;
        for (int i = 6; i < 15; i++) {
            int d = BASE62.indexOf(id15.charAt(i));
            if (d < 0) {
                return -1;
            }
            n = n * 62 + d;
        }
        return n;
    }

    public static boolean looksLikeId(String value) {
        return value != null && (value.length() == 15 || value.length() == 18) && value.chars().allMatch(c -> BASE62.indexOf(c) >= 0);
    }

    static String checksum(String id15) {
        char[] chars = id15.toCharArray();
        return new String(new char[] {checksumChar(chars, 0), checksumChar(chars, 1), checksumChar(chars, 2)});
    }

    /** The checksum char of one block of five chars of the 15-character id: a bit per upper-case letter. */
    private static char checksumChar(char[] id15, int block) {
        int bits = 0;
        for (int i = 0; i < 5; i++) {
            char c = id15[block * 5 + i];
            if (c >= 'A' && c <= 'Z') {
                bits |= 1 << i;
            }
        }
        return CHECKSUM_CHARS.charAt(bits);
    }
}
