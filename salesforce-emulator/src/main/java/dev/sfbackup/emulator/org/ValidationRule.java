package dev.sfbackup.emulator.org;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/**
 * An admin-defined validation rule on one field: a record whose value equals {@code rejectWhenEquals}, or is blank
 * when {@code rejectWhenBlank}, is refused on create and update with FIELD_CUSTOM_VALIDATION_EXCEPTION and the message.
 *
 * @param rejectWhenEquals the converted field value that is refused (null when the rule is about blanks)
 */
@RegisterForReflection
public record ValidationRule(String id, String object, String field, Object rejectWhenEquals, boolean rejectWhenBlank,
                             String message) {

    /** True when the record's value (after the write) breaks the rule. */
    public boolean rejects(Object value) {
        if (rejectWhenBlank) {
            return value == null || value instanceof String s && s.isBlank();
        }
        if (value instanceof String text && rejectWhenEquals instanceof String refused) {
            return text.equalsIgnoreCase(refused);
        }
        return Objects.equals(value, rejectWhenEquals);
    }
}
