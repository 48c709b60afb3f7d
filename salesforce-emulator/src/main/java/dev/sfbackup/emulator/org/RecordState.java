package dev.sfbackup.emulator.org;

import java.util.HashMap;
import java.util.Map;

/**
 * What happened to one record since it was generated. Records without a state are exactly as generated, which is
 * what keeps a million-record object small.
 *
 * @param revision   bumped by every update; generated values of changeable fields depend on it
 * @param createdAt  epoch millis of creation, 0 for generated records (their creation date is derived from the index)
 * @param modifiedAt epoch millis of the last change, 0 when never changed
 * @param blank      true for records created through the API: fields not written are null instead of generated
 * @param explicit   values written through the API, by field name
 * @param deletedAt  epoch millis of the deletion (the record is in the recycle bin), 0 when live
 */
public record RecordState(int revision, long createdAt, long modifiedAt, boolean blank, Map<String, Object> explicit, long deletedAt) {

    public RecordState {
        Map<String, Object> copy = new HashMap<>();
        explicit.forEach((k, v) -> copy.put(k, v == null ? NullValue.INSTANCE : v));
        explicit = Map.copyOf(copy);
    }

    private static final RecordState GENERATED = new RecordState(0, 0, 0, false, Map.of(), 0);

    public static RecordState generated() {
        return GENERATED;
    }

    public boolean deleted() {
        return deletedAt != 0;
    }

    public RecordState updated(long at, Map<String, Object> values, boolean bumpRevision) {
        Map<String, Object> merged = new HashMap<>(explicit);
        merged.putAll(values);
        return new RecordState(bumpRevision ? revision + 1 : revision, createdAt, at, blank, merged, deletedAt);
    }

    public RecordState deletedAt(long at) {
        return new RecordState(revision, createdAt, at, blank, explicit, at);
    }

    public RecordState undeletedAt(long at) {
        return new RecordState(revision, createdAt, at, blank, explicit, 0);
    }

    /** Marks an explicit null in the copy-safe map (Map.copyOf rejects null values). */
    public enum NullValue {
        INSTANCE
    }
}
