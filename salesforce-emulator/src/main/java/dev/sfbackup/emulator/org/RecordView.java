package dev.sfbackup.emulator.org;

import java.time.Instant;

/** One record as it reads now: system fields from its state, the rest written or generated. */
public final class RecordView {

    private final SObjectTable table;
    private final int index;
    private final RecordState state;

    RecordView(SObjectTable table, int index, RecordState state) {
        this.table = table;
        this.index = index;
        this.state = state;
    }

    public SObjectTable table() {
        return table;
    }

    public int index() {
        return index;
    }

    public String id() {
        return table.idOf(index);
    }

    public boolean deleted() {
        return state.deleted();
    }

    /** Emptied from the recycle bin: no query sees it any more. */
    public boolean purged() {
        return state.purged();
    }

    public int revision() {
        return state.revision();
    }

    public Instant createdDate() {
        return Instant.ofEpochMilli(state.createdAt() != 0 ? state.createdAt() : table.generatedCreatedAt(index));
    }

    public Instant modifiedDate() {
        if (state.modifiedAt() != 0) {
            return Instant.ofEpochMilli(state.modifiedAt());
        }
        return state.createdAt() != 0 ? createdDate() : Instant.ofEpochMilli(table.generatedModifiedAt(index));
    }

    /** The value of a field of this record (field names are resolved by the caller). */
    public Object get(FieldDef field) {
        switch (field.name()) {
            case SystemFields.ID:
                return id();
            case SystemFields.IS_DELETED:
                return state.deleted();
            case SystemFields.CREATED_DATE:
                return createdDate();
            case SystemFields.LAST_MODIFIED_DATE:
                return written(field.name(), modifiedDate());
            case SystemFields.SYSTEM_MODSTAMP:
                return modifiedDate();
            case SystemFields.CREATED_BY_ID:
                return written(field.name(), table.org().userId(table.noise(index, SystemFields.CREATED_BY_ID, 0)));
            case SystemFields.LAST_MODIFIED_BY_ID:
                return written(field.name(), table.org().userId(table.noise(index, SystemFields.LAST_MODIFIED_BY_ID, state.revision())));
            default:
                break;
        }
        Object written = state.explicit().get(field.name());
        if (written != null) {
            return written == RecordState.NullValue.INSTANCE ? null : written;
        }
        if (state.blank() || field.generator() == null) {
            return null;
        }
        int revision = field.changesOnUpdate() ? state.revision() : 0;
        return field.generator().generate(this, table.noise(index, field.name(), revision));
    }

    /** An audit field set on insert (the org allowed it) until the next update, else what the org maintains. */
    private Object written(String fieldName, Object maintained) {
        Object written = state.explicit().get(fieldName);
        return written == null || written == RecordState.NullValue.INSTANCE ? maintained : written;
    }

    /** The value of a field by name, or null when the object has no such field. */
    public Object get(String fieldName) {
        return table.field(fieldName).map(this::get).orElse(null);
    }
}
