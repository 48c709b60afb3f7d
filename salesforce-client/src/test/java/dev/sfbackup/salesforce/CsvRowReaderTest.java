package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRowReaderTest {

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of(List.of("a,b", "say \"hi\"", "one\ntwo", "three\r\nfour")),
                read("\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"three\r\nfour\"\n", ','));
    }

    @Test
    void recordsEndWithLfOrCrlfAndTheLastLineBreakIsOptional() throws IOException {
        assertEquals(List.of(List.of("1", "x"), List.of("2", "y"), List.of("3", "")), read("1,x\r\n2,y\n3,", ','));
    }

    @Test
    void emptyQuotedAndUnquotedFieldsAreEmptyStrings() throws IOException {
        assertEquals(List.of(List.of("", "", "z")), read("\"\",,z\n", ','));
    }

    @Test
    void otherDelimitersAreHonoured() throws IOException {
        assertEquals(List.of(List.of("a", "b,c")), read("a|b,c\n", '|'));
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThrows(IOException.class, () -> read("\"open,field\n", ','));
    }

    @Test
    void fieldsLongerThanTheReadBufferAreKeptWhole() throws IOException {
        String big = "x".repeat(200_000);
        assertEquals(List.of(List.of(big, "end")), read("\"" + big + "\",end\n", ','));
    }

    @Test
    void charactersOfSeveralBytesAreDecodedWholeWhereTheReadBufferCutsThem() throws IOException {
        String text = "é€😀 Zürich, 東京";
        for (int shift = 0; shift < 4; shift++) {
            String unquoted = "x".repeat(64 * 1024 - 1 - shift) + text.replace(",", "");
            String quoted = "y".repeat(64 * 1024 - 2 - shift) + text;
            assertEquals(List.of(List.of(unquoted, "1"), List.of(quoted, "2")),
                    read(unquoted + ",1\n\"" + quoted + "\",2\n", ','), "cut after " + shift + " more bytes");
        }
    }

    @Test
    void aRowHoldsEachFieldsBytesAsTheDecodedFieldSpellsThem() throws IOException {
        Random random = new Random(7);
        String alphabet = "ab ,\"\n\r\\\t\u0001é€😀";
        StringBuilder csv = new StringBuilder();
        List<List<String>> written = new ArrayList<>();
        for (int r = 0; r < 2_000; r++) {
            List<String> row = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                StringBuilder value = new StringBuilder();
                for (int length = random.nextInt(8); value.length() < length; ) {
                    value.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                row.add(value.toString());
                boolean quote = random.nextBoolean() || value.toString().matches("(?s).*[,\"\r\n].*");
                csv.append(f == 0 ? "" : ",").append(quote ? "\"" + value.toString().replace("\"", "\"\"") + "\"" : value);
            }
            written.add(row);
            csv.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ',')) {
            for (List<String> expected : written) {
                CsvRow row = reader.nextRow();
                assertEquals(expected, row.texts());
                for (int f = 0; f < expected.size(); f++) {
                    assertArrayEquals(expected.get(f).getBytes(StandardCharsets.UTF_8), row.utf8(f));
                    assertEquals(expected.get(f).isEmpty(), row.isEmpty(f));
                }
                assertEquals(expected, CsvRow.of(expected).texts());
            }
            assertNull(reader.nextRow());
        }
    }

    private static List<List<String>> read(String csv, char delimiter) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), delimiter)) {
            for (List<String> row; (row = reader.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }
}
