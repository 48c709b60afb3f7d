package dev.sfbackup.emulator.service;

import java.io.IOException;
import java.io.OutputStream;

/** One set of Bulk API 2.0 results: its size, the locator of the next set ("null" at the end) and its CSV body. */
public record BulkResultPage(int numberOfRecords, String nextLocator, CsvBody body) {

    /** Writes the CSV of this set, generating the rows while streaming. */
    @FunctionalInterface
    public interface CsvBody {
        void writeTo(OutputStream out) throws IOException;
    }
}
