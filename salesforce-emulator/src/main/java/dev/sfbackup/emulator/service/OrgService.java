package dev.sfbackup.emulator.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.emulator.config.EmulatorConfig;
import dev.sfbackup.emulator.org.DemoOrgBlueprint;
import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.FieldValues;
import dev.sfbackup.emulator.org.GenericValues;
import dev.sfbackup.emulator.org.Noise;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.OrgSpec;
import dev.sfbackup.emulator.org.RecordState;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SalesforceIds;
import dev.sfbackup.emulator.org.SystemFields;
import dev.sfbackup.emulator.org.ValidationRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Owns the current org: creates it, and applies the admin API's changes to data and schema. */
@ApplicationScoped
public class OrgService {

    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,38}");

    private final EmulatorConfig config;
    private final AtomicLong mutations = new AtomicLong();
    private final AtomicLong lastTimestamp = new AtomicLong();
    private final AtomicLong validationRules = new AtomicLong();
    private volatile Org org;

    public OrgService(EmulatorConfig config) {
        this.config = config;
        this.org = DemoOrgBlueprint.build(demoSpec(config.seed()));
    }

    public Org current() {
        return org;
    }

    public OrgSpec demoSpec(long seed) {
        return new OrgSpec(seed, Map.of(), config.fileCount(), config.fileMeanBytes());
    }

    public synchronized Org reset(OrgSpec spec) {
        spec.objects().forEach((name, count) -> {
            if (!OrgSpec.DEMO_COUNTS.containsKey(name) && !name.equals("ContentVersion")) {
                throw ApiProblem.badRequest("objects." + name, "unknown object; the demo org has " + demoObjects());
            }
            if (count < 0) {
                throw ApiProblem.badRequest("objects." + name, "must be 0 or more");
            }
        });
        mutations.set(0);
        org = DemoOrgBlueprint.build(spec);
        return org;
    }

    public SObjectTable table(String object) {
        if (object == null || object.isBlank()) {
            throw ApiProblem.badRequest("object", "must name an sObject, one of " + objectNames());
        }
        return org.table(object).orElseThrow(() -> ApiProblem.badRequest("object", "unknown object '" + object + "'; known objects are " + objectNames()));
    }

    /** A strictly increasing timestamp (epoch millis), so two changes never share a SystemModstamp. */
    public long now() {
        return lastTimestamp.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }

    /**
     * Updates, deletes, undeletes and inserts records. stampedSecondsAgo dates the updates that many seconds back, as
     * Salesforce shows a change whose transaction committed late: with a SystemModstamp before changes already read,
     * which only an incremental read's overlap finds.
     */
    public synchronized MutationResult mutate(String object, int update, int delete, int undelete, int insert, Map<String, Object> set,
            int stampedSecondsAgo) {
        SObjectTable table = table(object);
        Map<String, Object> values = convert(table, set == null ? Map.of() : set);
        if (delete > 0 && table.name().equals("User")) {
            throw ApiProblem.badRequest("delete", "User records cannot be deleted; deactivate them with set.IsActive=false");
        }
        long salt = Noise.of(org.seed(), Noise.ofName(table.name()), mutations.incrementAndGet());
        Set<Integer> touched = new HashSet<>();
        List<Integer> toUpdate = pickLive(table, update, salt, touched);
        List<Integer> toDelete = pickLive(table, delete, salt + 1, touched);
        List<Integer> toUndelete = pickDeleted(table, undelete);
        List<String> updated = new ArrayList<>();
        for (int index : toUpdate) {
            table.replace(index, table.state(index).updated(now() - stampedSecondsAgo * 1000L, values, true));
            updated.add(table.idOf(index));
        }
        // deleting an Account takes its Contacts, Opportunities and Cases to the recycle bin too; undelete brings them back
        org.recycleBin().delete(table, toDelete, this::now);
        List<String> deleted = toDelete.stream().map(table::idOf).toList();
        List<String> undeleted = new ArrayList<>();
        for (int index : toUndelete) {
            org.recycleBin().undelete(table.idOf(index), this::now);
            undeleted.add(table.idOf(index));
        }
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < insert; i++) {
            inserted.add(table.idOf(table.append(new RecordState(0, now(), 0, false, values, 0))));
        }
        return new MutationResult(table.name(), updated, deleted, undeleted, inserted);
    }

    /** A custom field, empty on every record; a lookup ({@code type} reference) names the object it points at in {@code referenceTo}. */
    public synchronized FieldDef addField(String object, String name, String type, Integer length, boolean unique, String referenceTo) {
        SObjectTable table = table(object);
        checkApiName("name", name);
        if (table.hasField(name)) {
            throw ApiProblem.conflict("name", "field " + name + " already exists on " + table.name());
        }
        FieldDef field;
        if (FieldType.REFERENCE.apiName().equals(type)) {
            if (referenceTo == null || org.table(referenceTo).isEmpty()) {
                throw ApiProblem.badRequest("referenceTo", "a lookup names the object it points at, e.g. Contact");
            }
            if (!name.endsWith("__c")) {
                throw ApiProblem.badRequest("name", "custom lookup names end with __c, e.g. Primary_Contact__c");
            }
            field = FieldDef.reference(name, org.table(referenceTo).orElseThrow().name(), true, null);
        } else {
            if (referenceTo != null) {
                throw ApiProblem.badRequest("referenceTo", "only a field of type reference points at an object");
            }
            FieldType fieldType = fieldType("type", type);
            int size = length == null ? defaultLength(fieldType) : length;
            field = FieldDef.data(name, fieldType, size, true,
                    GenericValues.onlyForNewOrChanged(table.size(), GenericValues.of(fieldType, name, size)));
        }
        if (unique) {
            field = field.asUnique();
        }
        table.addField(field);
        return field;
    }

    public synchronized SObjectTable addObject(String name, int records, boolean incremental, List<Map.Entry<String, String>> extraFields,
            List<String> requireFilterOn) {
        checkApiName("name", name);
        if (!name.endsWith("__c")) {
            throw ApiProblem.badRequest("name", "custom object names end with __c, e.g. Invoice__c");
        }
        if (org.table(name).isPresent()) {
            throw ApiProblem.conflict("name", "object " + name + " already exists");
        }
        if (records < 0) {
            throw ApiProblem.badRequest("records", "must be 0 or more");
        }
        List<FieldDef> fields = new ArrayList<>(DemoOrgBlueprint.customObjectFields(org, incremental));
        for (int i = 0; i < extraFields.size(); i++) {
            Map.Entry<String, String> spec = extraFields.get(i);
            checkApiName("fields[" + i + "].name", spec.getKey());
            FieldType type = fieldType("fields[" + i + "].type", spec.getValue());
            fields.add(FieldDef.data(spec.getKey(), type, defaultLength(type), true, GenericValues.of(type, spec.getKey(), defaultLength(type))));
        }
        for (String required : requireFilterOn) {
            if (fields.stream().noneMatch(f -> f.name().equals(required))) {
                throw ApiProblem.badRequest("requireFilterOn", "no field " + required + " on " + name + "; give fields of the new object");
            }
        }
        SObjectTable table = org.addObject(name, name.replace("__c", "").replace('_', ' '), null, fields, records);
        table.requireFilterOn(requireFilterOn);
        return table;
    }

    /** Adds a validation rule; answers it with its new id. */
    public synchronized ValidationRule addValidationRule(String object, String fieldName, Object rejectWhenEquals, Boolean rejectWhenBlank,
            String message) {
        SObjectTable table = table(object);
        if (fieldName == null || fieldName.isBlank()) {
            throw ApiProblem.badRequest("field", "must name a field of " + table.name());
        }
        FieldDef field = table.field(fieldName).orElseThrow(() -> ApiProblem.badRequest("field", "no such field on " + table.name()));
        boolean blank = Boolean.TRUE.equals(rejectWhenBlank);
        if (blank == (rejectWhenEquals != null)) {
            throw ApiProblem.badRequest("rejectWhenEquals", "give exactly one of rejectWhenEquals (a value) and rejectWhenBlank: true");
        }
        Object refused = null;
        if (!blank) {
            try {
                refused = FieldValues.fromJson(field, rejectWhenEquals);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("rejectWhenEquals", e.getMessage());
            }
        }
        if (message == null || message.isBlank()) {
            throw ApiProblem.badRequest("message", "must be the error message Salesforce answers with");
        }
        ValidationRule rule = new ValidationRule(SalesforceIds.id("03d", validationRules.incrementAndGet()), table.name(), field.name(),
                refused, blank, message);
        org.addValidationRule(rule);
        return rule;
    }

    /** Sets IsActive = false on a user: records can no longer be given to them as owner. */
    public synchronized void deactivateUser(String id) {
        SObjectTable users = table("User");
        int index = id == null ? -1 : users.indexOf(id);
        if (index < 0) {
            throw ApiProblem.notFound("user", id);
        }
        users.replace(index, users.state(index).updated(now(), Map.of("IsActive", false), false));
    }

    private Map<String, Object> convert(SObjectTable table, Map<String, Object> set) {
        Map<String, Object> values = new LinkedHashMap<>();
        set.forEach((name, value) -> {
            FieldDef field = table.field(name).orElseThrow(() -> ApiProblem.badRequest("set." + name, "no such field on " + table.name()));
            if (SystemFields.NAMES.contains(field.name())) {
                throw ApiProblem.badRequest("set." + name, "system fields are maintained by the org");
            }
            try {
                values.put(field.name(), FieldValues.fromJson(field, value));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("set." + name, e.getMessage());
            }
        });
        return new HashMap<>(values);
    }

    private List<Integer> pickLive(SObjectTable table, int count, long salt, Set<Integer> taken) {
        List<Integer> picked = new ArrayList<>();
        int size = table.size();
        long bits = salt;
        for (int attempt = 0; picked.size() < count && attempt < count * 20 && size > 0; attempt++) {
            bits = Noise.mix(bits + attempt);
            int index = Noise.below(bits, size);
            if (!table.isDeleted(index) && taken.add(index)) {
                picked.add(index);
            }
        }
        for (int index = 0; picked.size() < count && index < size; index++) {
            if (!table.isDeleted(index) && taken.add(index)) {
                picked.add(index);
            }
        }
        return picked;
    }

    private static List<Integer> pickDeleted(SObjectTable table, int count) {
        List<Integer> picked = new ArrayList<>();
        for (int index = 0; picked.size() < count && index < table.size() && table.deletedCount() > 0; index++) {
            if (table.inRecycleBin(index)) {
                picked.add(index);
            }
        }
        return picked;
    }

    private static FieldType fieldType(String field, String type) {
        FieldType fieldType = type == null ? null : FieldType.fromApiName(type);
        if (fieldType == null || fieldType == FieldType.ID || fieldType == FieldType.REFERENCE || fieldType == FieldType.BASE64) {
            throw ApiProblem.badRequest(field, "must be one of string, textarea, picklist, email, phone, url, boolean, int, double, currency, percent, date, datetime");
        }
        return fieldType;
    }

    private static int defaultLength(FieldType type) {
        return switch (type) {
            case TEXTAREA -> 32000;
            case STRING, PICKLIST, URL -> 255;
            case EMAIL, PHONE -> 80;
            default -> 0;
        };
    }

    private static void checkApiName(String field, String name) {
        if (name == null || !API_NAME.matcher(name).matches() || name.contains("___")) {
            throw ApiProblem.badRequest(field, "must be an API name: a letter, then letters, digits or underscores, at most 40 characters");
        }
    }

    private List<String> objectNames() {
        return org.tables().stream().map(SObjectTable::name).toList();
    }

    private static List<String> demoObjects() {
        List<String> names = new ArrayList<>(OrgSpec.DEMO_COUNTS.keySet());
        names.add("ContentVersion");
        return names.stream().sorted().toList();
    }
}
