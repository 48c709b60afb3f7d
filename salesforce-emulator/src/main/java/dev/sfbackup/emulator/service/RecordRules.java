package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.ValidationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The org's rules on a record about to be saved, beyond its field values: admin-defined validation rules, an active
 * owner, unique fields. One instance per call: it remembers the unique values of the records the call has accepted,
 * so two records of one call cannot share a unique value either.
 */
final class RecordRules {

    private static final String OWNER = "OwnerId";
    private static final String UNKNOWN = "<unknown>";

    private final Org org;
    /** Per object and unique field: normalised value → id of the record holding it. */
    private final Map<String, Map<String, String>> uniqueValues = new HashMap<>();

    RecordRules(Org org) {
        this.org = org;
    }

    /** The first rule the record breaks, with Salesforce's statusCode; {@code index} is -1 for an insert. */
    Optional<SaveResult.SaveError> violation(SObjectTable table, int index, Map<String, Object> values) {
        for (ValidationRule rule : org.validationRules()) {
            if (rule.object().equalsIgnoreCase(table.name()) && rule.rejects(valueAfterWrite(table, index, values, rule.field()))) {
                return Optional.of(new SaveResult.SaveError("FIELD_CUSTOM_VALIDATION_EXCEPTION", rule.message(), List.of(rule.field())));
            }
        }
        Optional<SaveResult.SaveError> owner = inactiveOwner(table, index, values);
        if (owner.isPresent()) {
            return owner;
        }
        String ownId = index < 0 ? null : table.idOf(index);
        for (FieldDef field : table.fields()) {
            Object value = values.get(field.name());
            if (!field.unique() || value == null) {
                continue;
            }
            String holder = uniqueIndex(table, field).get(normalise(value));
            if (holder != null && !holder.equals(ownId)) {
                return Optional.of(new SaveResult.SaveError("DUPLICATE_VALUE", "duplicate value found: " + field.name()
                        + " duplicates value on record with id: " + holder, List.of(field.name())));
            }
        }
        return Optional.empty();
    }

    /** Remembers the unique values of a record the call will save. */
    void accepted(SObjectTable table, int index, Map<String, Object> values) {
        for (FieldDef field : table.fields()) {
            Object value = values.get(field.name());
            if (field.unique() && value != null) {
                uniqueIndex(table, field).put(normalise(value), index < 0 ? UNKNOWN : table.idOf(index));
            }
        }
    }

    /** Setting the owner to an inactive user is refused; records keep an owner who became inactive later. */
    private Optional<SaveResult.SaveError> inactiveOwner(SObjectTable table, int index, Map<String, Object> values) {
        if (!(values.get(OWNER) instanceof String ownerId) || !table.hasField(OWNER)) {
            return Optional.empty();
        }
        if (index >= 0 && ownerId.equals(table.view(index).get(OWNER))) {
            return Optional.empty();
        }
        Optional<SObjectTable> users = org.table("User");
        int user = users.map(t -> t.indexOf(ownerId)).orElse(-1);
        if (user < 0 || !Boolean.FALSE.equals(users.get().view(user).get("IsActive"))) {
            return Optional.empty();
        }
        return Optional.of(new SaveResult.SaveError("INACTIVE_OWNER_OR_USER", "operation performed with inactive user ["
                + ownerId + "] as owner of [" + table.name().toLowerCase(Locale.ROOT) + "]", List.of()));
    }

    private static Object valueAfterWrite(SObjectTable table, int index, Map<String, Object> values, String fieldName) {
        Optional<FieldDef> field = table.field(fieldName);
        if (field.isEmpty()) {
            return null;
        }
        if (values.containsKey(field.get().name()) || index < 0) {
            return values.get(field.get().name());
        }
        return table.view(index).get(field.get());
    }

    private Map<String, String> uniqueIndex(SObjectTable table, FieldDef field) {
        return uniqueValues.computeIfAbsent(table.name() + "." + field.name(), key -> {
            Map<String, String> holders = new HashMap<>();
            for (int i = 0; i < table.size(); i++) {
                if (!table.isDeleted(i)) {
                    RecordView view = table.view(i);
                    Object value = view.get(field);
                    if (value != null) {
                        holders.putIfAbsent(normalise(value), view.id());
                    }
                }
            }
            return holders;
        });
    }

    private static String normalise(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }
}
