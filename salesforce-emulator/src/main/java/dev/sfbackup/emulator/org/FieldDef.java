package dev.sfbackup.emulator.org;

import java.util.List;

/**
 * One field of an sObject: its describe properties and how its value is generated.
 *
 * @param generator     computes the generated value of a record; null for fields that start empty (fields added later)
 * @param unique        no two live records may hold the same value (DUPLICATE_VALUE), compared case-insensitively
 * @param cascadeDelete a lookup whose target's deletion deletes this record too (and its undelete brings it back)
 */
public record FieldDef(
        String name,
        String label,
        FieldType type,
        int length,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean calculated,
        boolean custom,
        List<String> referenceTo,
        String relationshipName,
        List<String> picklistValues,
        boolean changesOnUpdate,
        ValueGenerator generator,
        boolean unique,
        boolean cascadeDelete) {

    public FieldDef {
        referenceTo = List.copyOf(referenceTo);
        picklistValues = List.copyOf(picklistValues);
    }

    /** A field that is neither unique nor a cascading lookup. */
    public FieldDef(String name, String label, FieldType type, int length, boolean nillable, boolean createable,
                    boolean updateable, boolean calculated, boolean custom, List<String> referenceTo, String relationshipName,
                    List<String> picklistValues, boolean changesOnUpdate, ValueGenerator generator) {
        this(name, label, type, length, nillable, createable, updateable, calculated, custom, referenceTo, relationshipName,
                picklistValues, changesOnUpdate, generator, false, false);
    }

    public boolean isSystem() {
        return SystemFields.NAMES.contains(name);
    }

    /** A field written by users: createable and updateable, not a system field. */
    public static FieldDef data(String name, FieldType type, int length, boolean nillable, ValueGenerator generator) {
        return new FieldDef(name, labelOf(name), type, length, nillable, true, true, false, name.endsWith("__c"),
                List.of(), null, List.of(), type != FieldType.REFERENCE, generator);
    }

    public static FieldDef picklist(String name, List<String> values, ValueGenerator generator) {
        return new FieldDef(name, labelOf(name), FieldType.PICKLIST, 255, true, true, true, false, name.endsWith("__c"),
                List.of(), null, values, true, generator);
    }

    public static FieldDef reference(String name, String target, boolean nillable, ValueGenerator generator) {
        String relationship = name.endsWith("Id") ? name.substring(0, name.length() - 2) : name.replace("__c", "__r");
        return new FieldDef(name, labelOf(name), FieldType.REFERENCE, 18, nillable, true, true, false, name.endsWith("__c"),
                List.of(target), relationship, List.of(), false, generator);
    }

    /** A field computed by the platform: readable only. */
    public static FieldDef readOnly(String name, FieldType type, int length, boolean nillable, ValueGenerator generator) {
        return new FieldDef(name, labelOf(name), type, length, nillable, false, false, false, name.endsWith("__c"),
                List.of(), null, List.of(), false, generator);
    }

    public FieldDef withGenerator(ValueGenerator newGenerator) {
        return new FieldDef(name, label, type, length, nillable, createable, updateable, calculated, custom, referenceTo,
                relationshipName, picklistValues, changesOnUpdate, newGenerator, unique, cascadeDelete);
    }

    public FieldDef asUnique() {
        return new FieldDef(name, label, type, length, nillable, createable, updateable, calculated, custom, referenceTo,
                relationshipName, picklistValues, changesOnUpdate, generator, true, cascadeDelete);
    }

    /** This lookup's target takes the record with it to the recycle bin (Contact.AccountId and the like). */
    public FieldDef cascadingDelete() {
        return new FieldDef(name, label, type, length, nillable, createable, updateable, calculated, custom, referenceTo,
                relationshipName, picklistValues, changesOnUpdate, generator, unique, true);
    }

    private static String labelOf(String name) {
        String base = name.endsWith("__c") ? name.substring(0, name.length() - 3) : name;
        return base.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
