package dev.sfbackup.emulator.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The emulated org: its sObjects and the seed everything is generated from. */
public final class Org {

    public static final String ORG_ID = SalesforceIds.id("00D", 1);
    private static final int MAX_CACHED_USER_IDS = 100_000;

    private final long seed;
    private final int fileMeanBytes;
    private final Map<String, SObjectTable> tables = new LinkedHashMap<>();
    private final RecycleBin recycleBin = new RecycleBin(this);
    private final List<ValidationRule> validationRules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean auditFieldsCreateable;
    private int customObjects;
    /** The generated users' ids, made once: every generated record names three of them. */
    private volatile String[] userIds;

    public Org(long seed, int fileMeanBytes) {
        this.seed = seed;
        this.fileMeanBytes = fileMeanBytes;
    }

    public long seed() {
        return seed;
    }

    public int fileMeanBytes() {
        return fileMeanBytes;
    }

    public synchronized SObjectTable addObject(String name, String label, String keyPrefix, List<FieldDef> fields, int records) {
        boolean custom = name.endsWith("__c");
        if (keyPrefix == null) {
            keyPrefix = "a0" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(customObjects++ % 36);
        }
        SObjectTable table = new SObjectTable(this, name, label, keyPrefix, custom, fields, records);
        table.indexModificationDates();
        tables.put(name.toLowerCase(Locale.ROOT), table);
        return table;
    }

    public RecycleBin recycleBin() {
        return recycleBin;
    }

    /** "Set Audit Fields upon Record Creation": CreatedDate, CreatedById, LastModifiedDate, LastModifiedById createable. */
    public boolean auditFieldsCreateable() {
        return auditFieldsCreateable;
    }

    public void auditFieldsCreateable(boolean allowed) {
        this.auditFieldsCreateable = allowed;
    }

    public List<ValidationRule> validationRules() {
        return List.copyOf(validationRules);
    }

    public void addValidationRule(ValidationRule rule) {
        validationRules.add(rule);
    }

    public boolean removeValidationRule(String id) {
        return validationRules.removeIf(rule -> rule.id().equals(id));
    }

    public Optional<SObjectTable> table(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    public synchronized Collection<SObjectTable> tables() {
        return List.copyOf(tables.values());
    }

    /** The table whose ids start with the id's key prefix. */
    public synchronized Optional<SObjectTable> tableOfId(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        return new ArrayList<>(tables.values()).stream().filter(t -> t.keyPrefix().equals(prefix)).findFirst();
    }

    /** A user of the org picked by the given bits (the owner or author of generated records). */
    public String userId(long noise) {
        String[] cached = userIds;
        if (cached != null) {
            return cached[Noise.below(noise, cached.length)];
        }
        SObjectTable users = tables.get("user");
        int count = users == null ? 1 : Math.max(1, users.generatedCount());
        if (users != null && count <= MAX_CACHED_USER_IDS) {
            String[] ids = new String[count];
            Arrays.setAll(ids, i -> SalesforceIds.id("005", i + 1L));
            userIds = ids;
        }
        return SalesforceIds.id("005", Noise.below(noise, count) + 1L);
    }
}
