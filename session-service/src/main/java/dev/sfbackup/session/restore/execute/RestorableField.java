package dev.sfbackup.session.restore.execute;

import dev.sfbackup.salesforce.FieldDescribe;

/**
 * A field a restore may write: its name in the backup, its describe in the target org (whose name may differ through
 * the field mapping), and whether it is a lookup to the object's own records (written in a second pass).
 */
record RestorableField(String source, FieldDescribe target, boolean selfLookup) {

    String name() {
        return target.name();
    }

    boolean lookup() {
        return "reference".equals(target.type()) && !target.referenceTo().isEmpty();
    }

    /** The object a lookup points at when it can point at one only; null for a polymorphic lookup (WhoId, WhatId). */
    String lookupObject() {
        return target.referenceTo().size() == 1 ? target.referenceTo().get(0) : null;
    }
}
