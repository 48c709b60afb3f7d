package dev.sfbackup.session.backup.upload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a run of bytes that a JSON string holds as they are ends: at a control character, a quote, a backslash
 * or a byte of a non-ASCII character. Tests eight bytes a step with the has-zero-byte bit trick, as most text has
 * nothing to escape; measured by {@code BulkRecordPathBench} against the String-per-cell path.
 */
final class JsonPlainBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private JsonPlainBytes() {
    }

    /** The index of the first byte in [from, to) that is not plain, or to. */
    static int endOfRun(byte[] bytes, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to && isPlain((long) LONGS.get(bytes, i))) {
            i += Long.BYTES;
        }
        while (i < to && isPlain(bytes[i])) {
            i++;
        }
        return i;
    }

    static boolean isPlain(byte b) {
        return b >= 0x20 && b != '"' && b != '\\';
    }

    /** True when none of the eight bytes is below 0x20, a quote, a backslash or at or above 0x80. */
    private static boolean isPlain(long word) {
        long special = word | lessThan(word, 0x20) | zeroByte(word ^ (ONES * '"')) | zeroByte(word ^ (ONES * '\\'));
        return (special & HIGH_BITS) == 0;
    }

    /** A high bit set in some byte exactly when some byte of the word (with its high bit clear) is below n. */
    private static long lessThan(long word, int n) {
        return (word - ONES * n) & ~word;
    }

    private static long zeroByte(long word) {
        return (word - ONES) & ~word;
    }
}
