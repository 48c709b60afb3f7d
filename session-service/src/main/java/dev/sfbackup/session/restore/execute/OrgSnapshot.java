package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.BulkQuery;
import dev.sfbackup.salesforce.BulkRows;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.backup.read.NormalizedRecord;
import dev.sfbackup.session.backup.read.RecordNormalizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org's whole object as one Bulk API 2.0 queryAll job saw it (deleted records included), for a pass that restores
 * many of its records: a handful of calls instead of one per ~70 ids. The rows go to a spool file as they stream in, one
 * JSON line each, typed as a backup types them; memory keeps only where each id's line starts ({@link IdOffsets}).
 * Closing deletes the file.
 */
final class OrgSnapshot implements CurrentRecords, AutoCloseable {

    private static final int FIRST_READ = 4096;

    private final Path file;
    private final FileChannel channel;
    private final IdOffsets offsets;
    private final ObjectMapper json;
    private ByteBuffer line = ByteBuffer.allocate(FIRST_READ);

    private OrgSnapshot(Path file, IdOffsets offsets, ObjectMapper json) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.offsets = offsets;
        this.json = json;
    }

    /** Runs the queryAll job over {@code Id, IsDeleted} and the fields, and spools its rows. */
    static OrgSnapshot take(SalesforceConnection org, SObjectDescribe describe, List<RestorableField> fields, ApiCalls calls,
            ObjectMapper json) {
        List<String> columns = new ArrayList<>(List.of("Id", "IsDeleted"));
        fields.stream().map(RestorableField::name).filter(name -> !columns.contains(name)).forEach(columns::add);
        RecordNormalizer normalizer = new RecordNormalizer(describe, columns);
        BulkQuery job = org.bulkQueryAll("SELECT " + String.join(", ", columns) + " FROM " + describe.name());
        calls.add(1);
        Path file = null;
        try {
            file = Files.createTempFile("restore-" + describe.name() + "-", ".ndjson");
            IdOffsets offsets = new IdOffsets();
            try (BulkRows rows = job.rows(); OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                long position = 0;
                while (rows.hasNext()) {
                    NormalizedRecord record = normalizer.fromCsv(rows.columns(), rows.nextValues());
                    if (record.id() == null) {
                        continue;
                    }
                    byte[] line = json.writeValueAsBytes(node(record));
                    out.write(line);
                    out.write('\n');
                    offsets.put(record.id(), position);
                    position += line.length + 1;
                }
                calls.add(job.statusPolls() + rows.chunksFetched());
            }
            return new OrgSnapshot(file, offsets, json);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e instanceof IOException io ? new UncheckedIOException("spooling " + describe.name() + " from the org", io)
                    : (RuntimeException) e;
        }
    }

    @Override
    public Map<String, ObjectNode> of(Collection<String> ids) {
        Map<String, ObjectNode> found = new HashMap<>();
        for (String id : ids) {
            find(id).ifPresent(record -> found.put(id, record));
        }
        return found;
    }

    @Override
    public Optional<Boolean> live(String id) {
        return Optional.of(find(id).map(record -> !record.path("IsDeleted").asBoolean(false)).orElse(false));
    }

    int size() {
        return offsets.size();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file goes anyway
        }
        deleteQuietly(file);
    }

    private Optional<ObjectNode> find(String id) {
        ObjectNode[] match = {null};
        offsets.candidates(id, offset -> {
            if (match[0] == null) {
                ObjectNode record = readLine(offset);
                if (id.equals(record.path("Id").asText())) {
                    match[0] = record;
                }
            }
        });
        return Optional.ofNullable(match[0]);
    }

    /** One task thread reads the snapshot: the line buffer is reused rather than allocated (4 KiB zeroed) per record. */
    private ObjectNode readLine(long offset) {
        try {
            ByteBuffer buffer = line.clear();
            while (true) {
                int read = channel.read(buffer, offset + buffer.position());
                int end = indexOfNewline(buffer);
                if (end >= 0 || read < 0) {
                    return (ObjectNode) json.readTree(buffer.array(), 0, end >= 0 ? end : buffer.position());
                }
                if (!buffer.hasRemaining()) {
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
                    line = buffer;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled org records at " + offset, e);
        }
    }

    private static int indexOfNewline(ByteBuffer buffer) {
        byte[] bytes = buffer.array();
        for (int i = 0; i < buffer.position(); i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static ObjectNode node(NormalizedRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < record.fields().length; i++) {
            Object value = record.values()[i];
            switch (value) {
                case null -> {
                }
                case Boolean flag -> node.put(record.fields()[i], flag);
                case Long number -> node.put(record.fields()[i], number);
                case BigDecimal number -> node.put(record.fields()[i], number);
                default -> node.put(record.fields()[i], value.toString());
            }
        }
        return node;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the system cleans up
        }
    }
}
