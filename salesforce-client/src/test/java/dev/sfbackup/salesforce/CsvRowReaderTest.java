package dev.sfbackup.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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

    private static List<List<String>> read(String csv, char delimiter) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRowReader reader = new CsvRowReader(new StringReader(csv), delimiter)) {
            for (List<String> row; (row = reader.next()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }
}
