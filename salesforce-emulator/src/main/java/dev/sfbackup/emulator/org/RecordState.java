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
 * @param purged     the deleted record was emptied from the recycle bin: gone for good, even for queryAll
 */
public record RecordState(int revision, long createdAt, long modifiedAt, boolean blank, Map<String, Object> explicit, long deletedAt,
                          boolean purged) {

    public RecordState {
        Map<String, Object> copy = new HashMap<>();
        explicit.forEach((k, v) -> copy.put(k, v == null ? NullValue.INSTANCE : v));
        explicit = Map.copyOf(copy);
    }

    /** A record that was never purged. */
    public RecordState(int revision, long createdAt, long modifiedAt, boolean blank, Map<String, Object> explicit, long deletedAt) {
        this(revision, createdAt, modifiedAt, blank, explicit, deletedAt, false);
    }

    private static final RecordState GENERATED = new RecordState(0, 0, 0, false, Map.of(), 0);

    public static RecordState generated() {
        return GENERATED;
    }

    public boolean deleted() {
        return deletedAt != 0;
    }

    /** Deleted and still in the recycle bin (undeletable, visible to queryAll). */
    public boolean inRecycleBin() {
        return deletedAt != 0 && !purged;
    }

    public RecordState updated(long at, Map<String, Object> values, boolean bumpRevision) {
        Map<String, Object> merged = new HashMap<>(explicit);
        // audit values set on insert describe the creation; an update is the org's own change
        merged.remove(SystemFields.LAST_MODIFIED_DATE);
        merged.remove(SystemFields.LAST_MODIFIED_BY_ID);
        merged.putAll(values);
        return new RecordState(bumpRevision ? revision + 1 : revision, createdAt, at, blank, merged, deletedAt, purged);
    }

    public RecordState deletedAt(long at) {
        return new RecordState(revision, createdAt, at, blank, explicit, at, false);
    }

    public RecordState undeletedAt(long at) {
        return new RecordState(revision, createdAt, at, blank, explicit, 0, false);
    }

    /** Emptied from the recycle bin: the deletion stays (getDeleted still lists it), the record is gone. */
    public RecordState purgedNow() {
        return new RecordState(revision, createdAt, modifiedAt, blank, explicit, deletedAt, true);
    }

    /** Marks an explicit null in the copy-safe map (Map.copyOf rejects null values). */
    public enum NullValue {
        INSTANCE
    }
}
