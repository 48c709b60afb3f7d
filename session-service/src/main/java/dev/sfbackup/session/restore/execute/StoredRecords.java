package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.restore.RestoreJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** An object's records as of a restore's point, read from storage-service's point-in-time read one line at a time. */
@ApplicationScoped
public class StoredRecords {

    private final StorageClient storage;
    private final ObjectMapper json;

    public StoredRecords(StorageClient storage, ObjectMapper json) {
        this.storage = storage;
        this.json = json;
    }

    /** Hands every stored record of the object that the filter accepts to {@code each}, in storage's order. */
    public void forEach(RestoreJob job, String object, Predicate<ObjectNode> filter, Consumer<ObjectNode> each) {
        try (InputStream body = storage.records(job.pointReference(), object, job.policyId());
                MappingIterator<ObjectNode> records = json.readerFor(ObjectNode.class).readValues(body)) {
            while (records.hasNext()) {
                ObjectNode record = records.next();
                if (filter.test(record)) {
                    each.accept(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the stored " + object + " records as of " + job.pointReference(), e);
        }
    }
}
