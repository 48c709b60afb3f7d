package dev.sfbackup.emulator.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sObject of the org: its describe and its records. Record i is generated from (seed, object, i); only records
 * changed since generation carry a {@link RecordState}.
 */
public final class SObjectTable {

    /** Generated records were created from this instant on, a few seconds apart. */
    static final long GENERATED_EPOCH = Instant.parse("2025-01-06T08:00:00Z").toEpochMilli();
    private static final long CREATION_SPACING_MS = 17_000;
    private static final long MAX_GENERATED_AGE_MS = 45L * 24 * 3600 * 1000;
    private static final long CREATED_DATE_NOISE = Noise.ofName(SystemFields.CREATED_DATE);
    private static final long SYSTEM_MODSTAMP_NOISE = Noise.ofName(SystemFields.SYSTEM_MODSTAMP);

    private final Org org;
    private final String name;
    private final String label;
    private final String keyPrefix;
    private final boolean custom;
    /** The noise of every field of this object's records starts from (seed, object name). */
    private final long noisePrefix;
    private final int generatedCount;
    private final AtomicInteger size;
    private final AtomicInteger deletedCount = new AtomicInteger();
    private final Map<Integer, RecordState> states = new ConcurrentHashMap<>();
    /** The records that carry a state, by the newer of their SystemModstamp and LastModifiedDate. */
    private final ConcurrentSkipListSet<Modification> changedByModified = new ConcurrentSkipListSet<>();
    private volatile List<String> requiredFilterFields = List.of();
    private volatile List<FieldDef> fields;
    private volatile Map<String, FieldDef> fieldsByLowerName;
    /** Generated records by modification time, each (modifiedAt - GENERATED_EPOCH) * generatedCount + index; built on first use. */
    private volatile long[] generatedByModified;

    SObjectTable(Org org, String name, String label, String keyPrefix, boolean custom, List<FieldDef> fields, int generatedCount) {
        this.org = org;
        this.name = name;
        this.label = label;
        this.keyPrefix = keyPrefix;
        this.custom = custom;
        this.noisePrefix = Noise.prefix(org.seed(), Noise.ofName(name));
        this.generatedCount = generatedCount;
        this.size = new AtomicInteger(generatedCount);
        setFields(fields);
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean custom() {
        return custom;
    }

    public Org org() {
        return org;
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** Audit fields the org lets an API user set on insert (when {@link Org#auditFieldsCreateable()}). */
    static final java.util.Set<String> SETTABLE_AUDIT_FIELDS = java.util.Set.of(SystemFields.CREATED_DATE, SystemFields.CREATED_BY_ID,
            SystemFields.LAST_MODIFIED_DATE, SystemFields.LAST_MODIFIED_BY_ID);

    /** Whether an insert may set the field: its describe flag, or an audit field when the org allows setting them. */
    public boolean createable(FieldDef field) {
        return field.createable() || org.auditFieldsCreateable() && SETTABLE_AUDIT_FIELDS.contains(field.name());
    }

    public boolean hasField(String fieldName) {
        return fieldsByLowerName.containsKey(fieldName.toLowerCase(Locale.ROOT));
    }

    /** SystemModstamp, else LastModifiedDate, else none: the field an incremental reader filters on. */
    public Optional<String> incrementalField() {
        if (hasField(SystemFields.SYSTEM_MODSTAMP)) {
            return Optional.of(SystemFields.SYSTEM_MODSTAMP);
        }
        return hasField(SystemFields.LAST_MODIFIED_DATE) ? Optional.of(SystemFields.LAST_MODIFIED_DATE) : Optional.empty();
    }

    /** Fields one of which a query must filter on with = or IN (like ContentDocumentLink); empty for most objects. */
    public List<String> requiredFilterFields() {
        return requiredFilterFields;
    }

    public void requireFilterOn(List<String> fieldNames) {
        this.requiredFilterFields = List.copyOf(fieldNames);
    }

    public boolean replicateable() {
        return hasField(SystemFields.SYSTEM_MODSTAMP);
    }

    public synchronized void addField(FieldDef field) {
        List<FieldDef> copy = new ArrayList<>(fields);
        copy.add(field);
        setFields(copy);
    }

    private void setFields(List<FieldDef> newFields) {
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        newFields.forEach(f -> byName.put(f.name().toLowerCase(Locale.ROOT), f));
        this.fields = List.copyOf(newFields);
        this.fieldsByLowerName = byName;
    }

    /** Records ever created, live or deleted; valid indexes are 0 to size()-1. */
    public int size() {
        return size.get();
    }

    public int generatedCount() {
        return generatedCount;
    }

    public int liveCount() {
        return size.get() - deletedCount.get();
    }

    public int deletedCount() {
        return deletedCount.get();
    }

    public String idOf(int index) {
        return SalesforceIds.id(keyPrefix, index + 1L);
    }

    /** The index of a record id of this object, or -1 when the id is not one of its records. */
    public int indexOf(String id) {
        long counter = SalesforceIds.counterOf(keyPrefix, id);
        return counter < 1 || counter > size.get() ? -1 : (int) (counter - 1);
    }

    public RecordState state(int index) {
        if (states.isEmpty()) {
            // an object as generated, as a first backup reads it: no boxed index per record
            return RecordState.generated();
        }
        RecordState state = states.get(index);
        return state == null ? RecordState.generated() : state;
    }

    public boolean isDeleted(int index) {
        RecordState state = states.get(index);
        return state != null && state.deleted();
    }

    /** Deleted and not yet emptied from the recycle bin. */
    public boolean inRecycleBin(int index) {
        RecordState state = states.get(index);
        return state != null && state.inRecycleBin();
    }

    /** Deleted and emptied from the recycle bin: gone for good. */
    public boolean isPurged(int index) {
        RecordState state = states.get(index);
        return state != null && state.purged();
    }

    public RecordView view(int index) {
        return new RecordView(this, index, state(index));
    }

    /**
     * The indexes, ascending, of every record that may have been modified at or after the instant (epoch millis): the
     * generated records modified since, from an index of their modification times, and the records changed since
     * generation (inserted, updated, deleted) whose SystemModstamp or LastModifiedDate is that late, from an index kept
     * as they change. Like Salesforce's index on SystemModstamp, it spares a selective incremental query the scan of the
     * whole object, and of every record changed before. Null when the index cannot narrow the scan.
     */
    public int[] indexesModifiedSince(long fromMillis) {
        long[] byModified = generatedByModified();
        if (byModified == null || fromMillis <= GENERATED_EPOCH) {
            return null;
        }
        int[] changed = changedByModified.tailSet(new Modification(fromMillis, Integer.MIN_VALUE)).stream()
                .mapToInt(Modification::index).toArray();
        long fromKey = Math.min(fromMillis - GENERATED_EPOCH, newestGeneratedBound() + 1) * generatedCount;
        int found = Arrays.binarySearch(byModified, fromKey);
        int firstGenerated = found >= 0 ? found : -found - 1;
        int[] candidates = Arrays.copyOf(changed, changed.length + byModified.length - firstGenerated);
        int count = changed.length;
        for (int k = firstGenerated; k < byModified.length; k++) {
            int index = (int) (byModified[k] % generatedCount);
            if (!states.containsKey(index)) {
                candidates[count++] = index;
            }
        }
        int[] result = Arrays.copyOf(candidates, count);
        Arrays.sort(result);
        return result;
    }

    /** A changed record's place in {@link #changedByModified}. */
    private record Modification(long at, int index) implements Comparable<Modification> {

        @Override
        public int compareTo(Modification other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Integer.compare(index, other.index);
        }
    }

    private Modification modification(int index, RecordState state) {
        long at = new RecordView(this, index, state).modifiedDate().toEpochMilli();
        if (state.explicit().get(SystemFields.LAST_MODIFIED_DATE) instanceof Instant lastModified) {
            at = Math.max(at, lastModified.toEpochMilli());
        }
        return new Modification(at, index);
    }

    /**
     * Builds the SystemModstamp index of the generated records now rather than at the first selective query: a real
     * org's index exists before anyone asks, and a backup's first incremental read should not pay for building it.
     */
    void indexModificationDates() {
        generatedByModified();
    }

    private long[] generatedByModified() {
        long[] index = generatedByModified;
        if (index == null && generatedCount > 0) {
            synchronized (this) {
                index = generatedByModified;
                if (index == null) {
                    index = buildGeneratedByModified();
                    generatedByModified = index;
                }
            }
        }
        return index == null || index.length == 0 ? null : index;
    }

    /** Empty when the packed keys would overflow (an object far larger than any benchmark uses). */
    private long[] buildGeneratedByModified() {
        long newestPossible = newestGeneratedBound();
        if (Math.multiplyHigh(newestPossible, generatedCount) != 0 || newestPossible * generatedCount < 0) {
            return new long[0];
        }
        long[] keys = new long[generatedCount];
        for (int i = 0; i < generatedCount; i++) {
            keys[i] = (generatedModifiedAt(i) - GENERATED_EPOCH) * generatedCount + i;
        }
        Arrays.sort(keys);
        return keys;
    }

    /** Every generated record was modified less than this many millis after GENERATED_EPOCH. */
    private long newestGeneratedBound() {
        return (long) generatedCount * CREATION_SPACING_MS + 7000 + MAX_GENERATED_AGE_MS;
    }

    /** The bits of one field (fieldNoise: {@link Noise#ofName} of its name) of one revision of one record. */
    long noise(int index, long fieldNoise, int revision) {
        return Noise.ofPrefix(noisePrefix, fieldNoise, index, revision);
    }

    long generatedCreatedAt(int index) {
        return GENERATED_EPOCH + index * CREATION_SPACING_MS + Noise.below(noise(index, CREATED_DATE_NOISE, 0), 1000) * 7L;
    }

    long generatedModifiedAt(int index) {
        return generatedModifiedAt(index, generatedCreatedAt(index));
    }

    /** The same, for a caller that has the record's generatedCreatedAt at hand. */
    long generatedModifiedAt(int index, long createdAt) {
        return createdAt + Math.floorMod(noise(index, SYSTEM_MODSTAMP_NOISE, 0), MAX_GENERATED_AGE_MS) / 1000 * 1000;
    }

    public synchronized int append(RecordState state) {
        int index = size.get();
        states.put(index, state);
        changedByModified.add(modification(index, state));
        size.incrementAndGet();
        return index;
    }

    public synchronized void replace(int index, RecordState state) {
        RecordState before = state(index);
        Modification now = modification(index, state);
        // added before the earlier place goes, so a query meanwhile finds the record at one of them
        changedByModified.add(now);
        if (states.containsKey(index)) {
            Modification earlier = modification(index, before);
            if (!earlier.equals(now)) {
                changedByModified.remove(earlier);
            }
        }
        states.put(index, state);
        if (before.deleted() != state.deleted()) {
            deletedCount.addAndGet(state.deleted() ? 1 : -1);
        }
    }
}
