package dev.sfbackup.session.restore.execute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void storedAndOrgFormatsOfTheSameValueAreTheSame() {
        assertTrue(FieldValues.same("datetime", JSON.textNode("2026-01-02T03:04:05.000Z"), JSON.textNode("2026-01-02T03:04:05.000+0000")));
        assertTrue(FieldValues.same("currency", JSON.numberNode(new BigDecimal("12.5")), JSON.numberNode(12.50)));
        assertTrue(FieldValues.same("int", JSON.numberNode(3L), JSON.textNode("3")));
        assertTrue(FieldValues.same("string", JSON.nullNode(), JSON.textNode("")), "empty and null are both no value");
        assertTrue(FieldValues.same("boolean", JSON.booleanNode(true), JSON.textNode("true")));
    }

    @Test
    void differentValuesDiffer() {
        assertFalse(FieldValues.same("string", JSON.textNode("Acme"), JSON.textNode("acme")));
        assertFalse(FieldValues.same("double", JSON.numberNode(1.5), JSON.numberNode(1.25)));
        assertFalse(FieldValues.same("datetime", JSON.textNode("2026-01-02T03:04:05.000Z"), JSON.textNode("2026-01-02T03:04:06.000Z")));
        assertFalse(FieldValues.same("string", JSON.textNode("x"), null));
        assertFalse(FieldValues.same("boolean", JSON.booleanNode(true), JSON.booleanNode(false)));
    }
}
