package dev.sfbackup.storage.restorepoint.repository;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A batch's records on their way into PostgreSQL in its binary COPY format (no text escaping of the compressed
 * payloads): into the session's staging table, to be compared with the stream's versions, or as rows of record_version.
 * Rows of a batch held in memory remember where each starts and its id, content hash and payload length, so that the
 * batch can be compared first and then only its changed rows copied (see {@link #writeRows}).
 */
public final class IncomingRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final DataOutputStream out;
    private final VersionOf versionOf;
    private final boolean held;
    private final List<String> recordIds = new ArrayList<>();
    private final List<byte[]> contentHashes = new ArrayList<>();
    private int[] rowStarts = new int[64];
    private int[] payloadLengths = new int[64];
    private int rowsEnd;
    private int rows;
    private long payloadBytes;

    /** The stream and seq of rows that go into record_version. */
    private record VersionOf(long streamId, long seq) {
    }

    private IncomingRows(DataOutputStream out, VersionOf versionOf, boolean held) throws IOException {
        this.out = out;
        this.versionOf = versionOf;
        this.held = held;
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    /** Rows of rp_staging: ord, record_id, content_hash, payload. */
    static IncomingRows staging(DataOutputStream out) throws IOException {
        return new IncomingRows(out, null, false);
    }

    /** Rows of record_version: stream_id, record_id, seq, tombstone (false), content_hash, payload. */
    static IncomingRows versions(DataOutputStream out, long streamId, long seq) throws IOException {
        return new IncomingRows(out, new VersionOf(streamId, seq), false);
    }

    /**
     * Rows of record_version written into a batch held in memory: each row's start, id, content hash and payload length
     * are remembered, for {@link #writeRows}.
     */
    static IncomingRows heldVersions(DataOutputStream out, long streamId, long seq) throws IOException {
        return new IncomingRows(out, new VersionOf(streamId, seq), true);
    }

    public void add(String recordId, byte[] contentHash, byte[] payload) throws IOException {
        if (versionOf == null) {
            out.writeShort(4);
            out.writeInt(4);
            out.writeInt(rows);
            writeBytes(recordId.getBytes(StandardCharsets.UTF_8));
        } else {
            if (held) {
                remember(recordId, contentHash, payload.length);
            }
            out.writeShort(6);
            out.writeInt(8);
            out.writeLong(versionOf.streamId());
            writeBytes(recordId.getBytes(StandardCharsets.UTF_8));
            out.writeInt(8);
            out.writeLong(versionOf.seq());
            out.writeInt(1);
            out.writeBoolean(false);
        }
        writeBytes(contentHash);
        writeBytes(payload);
        rows++;
        payloadBytes += payload.length;
    }

    private void remember(String recordId, byte[] contentHash, int payloadLength) {
        if (rows == rowStarts.length) {
            rowStarts = Arrays.copyOf(rowStarts, rows * 2);
            payloadLengths = Arrays.copyOf(payloadLengths, rows * 2);
        }
        rowStarts[rows] = out.size();
        payloadLengths[rows] = payloadLength;
        recordIds.add(recordId);
        contentHashes.add(contentHash);
    }

    private void writeBytes(byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    public int rows() {
        return rows;
    }

    long payloadBytes() {
        return payloadBytes;
    }

    /** The ids of a held batch's rows, in the order they came. */
    String[] recordIds() {
        return recordIds.toArray(String[]::new);
    }

    /** The content hashes of a held batch's rows, in the order of {@link #recordIds()}. */
    byte[][] contentHashes() {
        return contentHashes.toArray(byte[][]::new);
    }

    /** Whether a record came more than once: then only a compare of its last content is right. */
    boolean repeatsARecord() {
        return new HashSet<>(recordIds).size() < recordIds.size();
    }

    /** The payload bytes of the given rows of a held batch. */
    long payloadBytes(int[] selected) {
        long bytes = 0;
        for (int row : selected) {
            bytes += payloadLengths[row];
        }
        return bytes;
    }

    void finish() throws IOException {
        rowsEnd = out.size();
        out.writeShort(-1);
        out.flush();
    }

    /**
     * Writes a COPY of only the given rows (ascending) of record_version, taken from {@code written}: what this
     * instance wrote into its output (a batch held in memory), header first. Returns this.
     */
    IncomingRows writeRows(byte[] written, int[] selected, DataOutputStream target) throws IOException {
        int headerLength = SIGNATURE.length + 8;
        target.write(written, 0, headerLength);
        for (int row : selected) {
            int end = row + 1 < rows ? rowStarts[row + 1] : rowsEnd;
            target.write(written, rowStarts[row], end - rowStarts[row]);
        }
        target.writeShort(-1);
        target.flush();
        return this;
    }

    /** Adds the batch's records; called again for the compare path when the straight copy found a record twice. */
    @FunctionalInterface
    public interface Filler {
        void fill(IncomingRows rows) throws IOException;
    }
}
