package dev.sfbackup.storage.restorepoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.storage.restorepoint.service.CanonicalRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CanonicalRecordTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalRecord canonical(String json) throws Exception {
        return CanonicalRecord.of(mapper.readTree(json));
    }

    @Test
    void sameContentSpelledDifferentlyHashesAlike() throws Exception {
        CanonicalRecord rest = canonical("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\",\"Id\":\"001A\","
                + "\"Amount\":10.50,\"Fax\":null,\"SystemModstamp\":\"2026-01-02T03:04:05.000+0000\"}");
        CanonicalRecord bulk = canonical("{\"Id\":\"001A\",\"SystemModstamp\":\"2026-01-02T03:04:05Z\",\"Amount\":10.5,\"Name\":\"Acme\"}");

        assertEquals("{\"Amount\":10.5,\"Id\":\"001A\",\"Name\":\"Acme\",\"SystemModstamp\":\"2026-01-02T03:04:05.000Z\"}",
                new String(rest.json(), StandardCharsets.UTF_8));
        assertArrayEquals(rest.sha256(), bulk.sha256());
    }

    @Test
    void wholeNumbersLoseTheirFractionAndNestedAttributesGo() throws Exception {
        assertEquals("{\"Account\":{\"Name\":\"x\"},\"Big\":12345678901234567890123,\"N\":3}",
                new String(canonical("{\"N\":3.000,\"Big\":12345678901234567890123,\"Account\":{\"attributes\":{},\"Name\":\"x\"}}")
                        .json(), StandardCharsets.UTF_8));
    }

    @Test
    void aChangedValueChangesTheHash() throws Exception {
        assertFalse(Arrays.equals(canonical("{\"Id\":\"1\",\"Name\":\"a\"}").sha256(), canonical("{\"Id\":\"1\",\"Name\":\"b\"}").sha256()));
        assertFalse(Arrays.equals(canonical("{\"Id\":\"1\",\"Name\":\"a\"}").sha256(), canonical("{\"Id\":\"1\"}").sha256()));
    }
}
