package dev.sfbackup.storage.restorepoint.repository;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Rows on their way into the session's temporary staging table, written in PostgreSQL's binary COPY format
 * (no text escaping of the compressed payloads).
 */
public final class StagingTable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final DataOutputStream out;
    private int rows;

    StagingTable(DataOutputStream out) throws IOException {
        this.out = out;
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    public void add(String recordId, byte[] contentHash, byte[] payload) throws IOException {
        byte[] id = recordId.getBytes(StandardCharsets.UTF_8);
        out.writeShort(4);
        out.writeInt(4);
        out.writeInt(rows++);
        out.writeInt(id.length);
        out.write(id);
        out.writeInt(contentHash.length);
        out.write(contentHash);
        out.writeInt(payload.length);
        out.write(payload);
    }

    public int rows() {
        return rows;
    }

    void finish() throws IOException {
        out.writeShort(-1);
        out.flush();
    }

    /** Fills the staging table; the count it returns is the number of records received. */
    @FunctionalInterface
    public interface Filler {
        void fill(StagingTable table) throws IOException;
    }
}
