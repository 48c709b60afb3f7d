package dev.sfbackup.emulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestCsvTest {

    @Test
    void quotedCellsKeepDelimitersQuotesAndLineBreaksAcrossLineEndingsAndBlankLines() {
        String csv = "Name,Description\r\n\"Acme, Inc.\",\"said \"\"hi\"\"\nthen left\"\r\n\nplain,\n";

        assertEquals(List.of(List.of("Name", "Description"), List.of("Acme, Inc.", "said \"hi\"\nthen left"), List.of("plain", "")),
                IngestCsv.parse(csv, ','));
    }

    @Test
    void readsTheJobsDelimiter() {
        assertEquals(List.of(List.of("Id", "Name"), List.of("001", "a,b")), IngestCsv.parse("Id|Name\n001|a,b\n", '|'));
    }

    @Test
    void anUnterminatedQuotedCellIsAnInvalidBatchNotARowCutShort() {
        assertThrows(IllegalArgumentException.class, () -> IngestCsv.parse("Name\n\"Acme\n", ','));
    }
}
