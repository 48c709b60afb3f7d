package dev.sfbackup.emulator.service;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.FieldValues;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.RecordState;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SalesforceIds;
import dev.sfbackup.emulator.org.SystemFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** sObject Collections: create, update and delete up to 200 records a call, with allOrNone. */
@ApplicationScoped
public class CollectionsService {

    public static final int MAX_RECORDS = 200;
    private static final String OWNER = "OwnerId";
    private static final SaveResult.SaveError ROLLED_BACK = new SaveResult.SaveError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using AllOrNone header", List.of());

    private final OrgService orgs;
    private final FaultInjector faults;

    public CollectionsService(OrgService orgs, FaultInjector faults) {
        this.orgs = orgs;
        this.faults = faults;
    }

    /** A record checked and ready to apply: the table, the record index (-1 when new) and the converted values. */
    private record Write(SObjectTable table, int index, Map<String, Object> values) {
    }

    public synchronized List<SaveResult> create(boolean allOrNone, List<Map<String, Object>> records) {
        return save(allOrNone, records, true);
    }

    public synchronized List<SaveResult> update(boolean allOrNone, List<Map<String, Object>> records) {
        return save(allOrNone, records, false);
    }

    public synchronized List<SaveResult> delete(boolean allOrNone, List<String> ids) {
        checkSize(ids.size());
        Org org = orgs.current();
        List<SaveResult> results = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        for (String id : ids) {
            Optional<SObjectTable> table = org.tableOfId(id);
            int index = table.map(t -> t.indexOf(id)).orElse(-1);
            if (index < 0) {
                results.add(SaveResult.failed(null, error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")));
                writes.add(null);
            } else if (table.get().isDeleted(index)) {
                results.add(SaveResult.failed(null, error("ENTITY_IS_DELETED", "entity is deleted")));
                writes.add(null);
            } else {
                faults.check(table.get().name(), FaultInjector.Call.COLLECTIONS);
                results.add(SaveResult.ok(table.get().idOf(index)));
                writes.add(new Write(table.get(), index, Map.of()));
            }
        }
        boolean rollBack = allOrNone && results.stream().anyMatch(r -> !r.success());
        Map<SObjectTable, List<Integer>> byTable = new java.util.LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            if (writes.get(i) != null) {
                if (rollBack) {
                    results.set(i, new SaveResult(null, false, List.of(ROLLED_BACK)));
                } else {
                    byTable.computeIfAbsent(writes.get(i).table(), t -> new ArrayList<>()).add(writes.get(i).index());
                }
            }
        }
        // one pass per object, so a call of 200 Accounts looks for their Contacts, Opportunities and Cases once
        byTable.forEach((table, indexes) -> org.recycleBin().delete(table, indexes, orgs::now));
        return results;
    }

    private List<SaveResult> save(boolean allOrNone, List<Map<String, Object>> records, boolean create) {
        checkSize(records.size());
        List<SaveResult> results = new ArrayList<>();
        List<Write> writes = new ArrayList<>();
        RecordRules rules = new RecordRules(orgs.current());
        for (Map<String, Object> record : records) {
            try {
                Write write = check(record, create);
                Optional<SaveResult.SaveError> broken = rules.violation(write.table(), write.index(), write.values());
                if (broken.isPresent()) {
                    throw new RecordRejected(create ? null : write.table().idOf(write.index()), broken.get());
                }
                rules.accepted(write.table(), write.index(), write.values());
                writes.add(write);
                results.add(SaveResult.ok(create ? null : write.table().idOf(write.index())));
            } catch (RecordRejected e) {
                writes.add(null);
                results.add(SaveResult.failed(e.id, e.error));
            }
        }
        return apply(allOrNone, results, writes, (w, now) -> {
            if (w.index() < 0) {
                return w.table().idOf(w.table().append(created(w.values(), now)));
            }
            w.table().replace(w.index(), w.table().state(w.index()).updated(now, w.values(), false));
            return w.table().idOf(w.index());
        });
    }

    @FunctionalInterface
    private interface Applier {
        String apply(Write write, long now);
    }

    private List<SaveResult> apply(boolean allOrNone, List<SaveResult> checked, List<Write> writes, Applier applier) {
        boolean anyFailed = checked.stream().anyMatch(r -> !r.success());
        List<SaveResult> results = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            SaveResult result = checked.get(i);
            if (!result.success()) {
                results.add(result);
            } else if (allOrNone && anyFailed) {
                results.add(new SaveResult(null, false, List.of(ROLLED_BACK)));
            } else {
                results.add(SaveResult.ok(applier.apply(writes.get(i), orgs.now())));
            }
        }
        return results;
    }

    private Write check(Map<String, Object> record, boolean create) {
        Org org = orgs.current();
        Object attributes = record.get("attributes");
        Object type = attributes instanceof Map<?, ?> a ? a.get("type") : null;
        if (!(type instanceof String typeName)) {
            throw new RecordRejected(null, error("INVALID_TYPE", "Must send a concrete entity type."));
        }
        SObjectTable table = org.table(typeName).orElseThrow(() -> new RecordRejected(null,
                error("INVALID_TYPE", "sObject type '" + typeName + "' is not supported.")));
        faults.check(table.name(), FaultInjector.Call.COLLECTIONS);
        Object idValue = record.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Id")).map(Map.Entry::getValue).findFirst().orElse(null);
        int index = -1;
        if (create && idValue != null) {
            throw new RecordRejected(null, new SaveResult.SaveError("INVALID_FIELD", "cannot specify Id in an insert call", List.of()));
        }
        if (!create) {
            if (!(idValue instanceof String id)) {
                throw new RecordRejected(null, new SaveResult.SaveError("MISSING_ARGUMENT", "Id not specified in an update call", List.of()));
            }
            index = table.indexOf(id);
            if (index < 0) {
                throw new RecordRejected(null, new SaveResult.SaveError("MALFORMED_ID", "malformed id " + id, List.of("Id")));
            }
            if (table.isDeleted(index)) {
                throw new RecordRejected(id, error("ENTITY_IS_DELETED", "entity is deleted"));
            }
        }
        Map<String, Object> values = new HashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equals("attributes") || entry.getKey().equalsIgnoreCase("Id")) {
                continue;
            }
            FieldDef field = table.field(entry.getKey()).orElseThrow(() -> new RecordRejected(null, new SaveResult.SaveError("INVALID_FIELD",
                    "No such column '" + entry.getKey() + "' on sobject of type " + table.name(), List.of())));
            if (!(create ? table.createable(field) : field.updateable())) {
                readOnly.add(field.name());
                continue;
            }
            values.put(field.name(), convert(org, field, entry.getValue()));
        }
        if (!readOnly.isEmpty()) {
            throw new RecordRejected(null, new SaveResult.SaveError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and verify that it is "
                    + "read/write for your profile or permission set.", readOnly));
        }
        if (create) {
            // Like Salesforce, a record created without an owner belongs to the calling user.
            if (table.hasField(OWNER) && values.get(OWNER) == null) {
                values.put(OWNER, TokenService.INTEGRATION_USER_ID);
            }
            List<String> missing = table.fields().stream()
                    .filter(f -> f.createable() && !f.nillable() && f.type() != FieldType.BOOLEAN && values.get(f.name()) == null)
                    .map(FieldDef::name).toList();
            if (!missing.isEmpty()) {
                throw new RecordRejected(null, new SaveResult.SaveError("REQUIRED_FIELD_MISSING",
                        "Required fields are missing: " + missing, missing));
            }
        }
        return new Write(table, index, values);
    }

    /** A new record; a CreatedDate the org let the caller set becomes its creation time (SystemModstamp stays now). */
    private static RecordState created(Map<String, Object> values, long now) {
        Map<String, Object> rest = new HashMap<>(values);
        Object createdDate = rest.remove(SystemFields.CREATED_DATE);
        long createdAt = createdDate instanceof java.time.Instant at ? at.toEpochMilli() : now;
        return new RecordState(0, createdAt, now, true, rest, 0);
    }

    private static Object convert(Org org, FieldDef field, Object value) {
        Object converted;
        try {
            converted = FieldValues.fromJson(field, value);
        } catch (IllegalArgumentException e) {
            String code = e.getMessage().contains("too large") ? "STRING_TOO_LONG" : "INVALID_TYPE_ON_FIELD_IN_RECORD";
            throw new RecordRejected(null, new SaveResult.SaveError(code, e.getMessage(), List.of(field.name())));
        }
        if (field.type() == FieldType.REFERENCE && converted instanceof String id) {
            Optional<SObjectTable> target = field.referenceTo().stream().map(org::table).flatMap(Optional::stream).findFirst();
            int targetIndex = target.map(t -> t.indexOf(id)).orElse(-1);
            if (targetIndex >= 0 && target.get().inRecycleBin(targetIndex)) {
                throw new RecordRejected(null, new SaveResult.SaveError("ENTITY_IS_DELETED", "entity is deleted", List.of(field.name())));
            }
            boolean exists = target.map(t -> targetIndex >= 0 && !t.isDeleted(targetIndex)).orElse(SalesforceIds.looksLikeId(id));
            if (!exists) {
                throw new RecordRejected(null, new SaveResult.SaveError("INVALID_CROSS_REFERENCE_KEY",
                        field.name() + ": id value of incorrect type or not found: " + id, List.of(field.name())));
            }
            return id.length() == 15 ? target.map(t -> t.idOf(t.indexOf(id))).orElse(id) : id;
        }
        return converted;
    }

    private static void checkSize(int size) {
        if (size > MAX_RECORDS) {
            throw new SalesforceApiException(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
    }

    private static SaveResult.SaveError error(String code, String message) {
        return new SaveResult.SaveError(code, message, List.of());
    }

    private static final class RecordRejected extends RuntimeException {
        private final String id;
        private final SaveResult.SaveError error;

        RecordRejected(String id, SaveResult.SaveError error) {
            super(error.message(), null, false, false);
            this.id = id;
            this.error = error;
        }
    }
}
