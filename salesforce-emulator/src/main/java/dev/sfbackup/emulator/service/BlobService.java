package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.Noise;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.StoredBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * File bodies (base64 fields). Generated bodies are never stored: they are produced on the fly from the seed, the
 * record and its revision, so they are the same on every download and change when the record is updated.
 */
@ApplicationScoped
public class BlobService {

    /** The field that holds the size of each generated body. */
    private static final Map<String, String> SIZE_FIELDS = Map.of("VersionData", "ContentSize", "Body", "BodyLength");
    private static final int BLOCK = 4096;
    private static final byte[] TEXT = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
            + "incididunt ut labore et dolore magna aliqua.\n").getBytes(StandardCharsets.US_ASCII);

    private volatile Path directory;

    /** Where a body written through the API goes, a file not yet there in the emulator's own folder (never held in memory). */
    public Path newBodyFile() throws IOException {
        return directory().resolve("body-" + java.util.UUID.randomUUID() + ".bin");
    }

    private synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("emulator-bodies-");
            directory.toFile().deleteOnExit();
        }
        return directory;
    }

    /** Body size in bytes, or -1 when the record has no body in this field. */
    public long size(RecordView record, FieldDef field) {
        Object written = record.get(field);
        if (written instanceof byte[] bytes) {
            return bytes.length;
        }
        if (written instanceof StoredBody stored) {
            return stored.size();
        }
        String sizeField = SIZE_FIELDS.get(field.name());
        Object size = sizeField == null ? null : record.get(sizeField);
        return size instanceof Number n ? n.longValue() : -1;
    }

    public void write(RecordView record, FieldDef field, OutputStream out) throws IOException {
        Object written = record.get(field);
        if (written instanceof byte[] bytes) {
            out.write(bytes);
            return;
        }
        if (written instanceof StoredBody stored) {
            Files.copy(stored.file(), out);
            return;
        }
        long remaining = size(record, field);
        SplittableRandom random = new SplittableRandom(Noise.of(record.table().org().seed(), Noise.ofName(record.table().name()),
                record.index(), record.revision()));
        byte[] block = new byte[BLOCK];
        // Half the blocks are text and half random, so bodies compress about as well as office documents do.
        for (long blockNo = 0; remaining > 0; blockNo++) {
            if (random.nextBoolean()) {
                for (int i = 0; i < BLOCK; i += 8) {
                    long bits = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (bits >>> (8 * b));
                    }
                }
            } else {
                for (int i = 0; i < BLOCK; i++) {
                    block[i] = TEXT[(int) ((blockNo + i) % TEXT.length)];
                }
            }
            int n = (int) Math.min(BLOCK, remaining);
            out.write(block, 0, n);
            remaining -= n;
        }
    }
}
