package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueMaskTest {

    @Test
    void keysStayWhileLettersAndDigitsOfValuesAreMasked() {
        assertEquals("{\"AnnualRevenue\":000.0,\"Email\":\"aaaa.aaa@aaaaaaa.aaa\",\"IsDeleted\":false,\"Name\":\"Aaaa Aaaaaaa\","
                + "\"Owner\":{\"Alias\":\"aaaa\"},\"Parent\":null,\"Tags\":[\"aaa\",\"aa\"],\"When\":\"0000-00-00A00:00:00.000A\"}",
                masked("{\"AnnualRevenue\":125.5,\"Email\":\"jane.doe@example.com\",\"IsDeleted\":false,\"Name\":\"Jane Müller\","
                        + "\"Owner\":{\"Alias\":\"jdoe\"},\"Parent\":null,\"Tags\":[\"vip\",\"eu\"],\"When\":\"2026-01-02T03:04:05.000Z\"}"));
    }

    @Test
    void anEscapedQuoteDoesNotEndTheValue() {
        assertEquals("{\"Name\":\"0aa aaaa aa\",\"Site\":\"AA\"}", masked("{\"Name\":\"5\\\" pipe \\n\",\"Site\":\"HQ\"}"));
    }

    private static String masked(String json) {
        return new String(ValueMask.mask(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
