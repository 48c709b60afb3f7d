package dev.sfbackup.session.restore.execute;

import java.util.function.LongConsumer;

/**
 * Where each record id's line starts in a spool file, in 16 bytes a record (a 64-bit hash of the id and the offset,
 * open addressing) instead of a map of strings: an org's object can hold millions of records. Two ids may share a
 * hash, so a lookup hands every offset filed under the id's hash to the caller, who checks the id on the line.
 */
final class IdOffsets {

    private static final int FIRST_CAPACITY = 1 << 10;

    private long[] hashes = new long[FIRST_CAPACITY];
    private long[] offsets = new long[FIRST_CAPACITY];
    private int size;

    void put(String id, long offset) {
        if ((size + 1) * 4L > hashes.length * 3L) {
            grow();
        }
        insert(hash(id), offset);
        size++;
    }

    /** Every offset filed under the id's hash: the id's own line, if it has one, and rarely another id's. */
    void candidates(String id, LongConsumer offset) {
        long hash = hash(id);
        int mask = hashes.length - 1;
        for (int slot = slot(hash, mask); hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                offset.accept(offsets[slot]);
            }
        }
    }

    int size() {
        return size;
    }

    private void insert(long hash, long offset) {
        int mask = hashes.length - 1;
        int slot = slot(hash, mask);
        while (hashes[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        offsets[slot] = offset;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldOffsets = offsets;
        hashes = new long[oldHashes.length * 2];
        offsets = new long[oldOffsets.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                insert(oldHashes[i], oldOffsets[i]);
            }
        }
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** FNV-1a over the id's characters, mixed (SplitMix64's finaliser); never 0, which marks an empty slot. */
    static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash == 0 ? 1 : hash;
    }
}
