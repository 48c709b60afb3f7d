package dev.sfbackup.emulator;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' reader of the emulator's Bulk CSV, jackson-dataformat-csv (not the emulator's own code): quoted cells may
 * hold delimiters, doubled quotes and line breaks; an empty unquoted cell is null, as Bulk API 2.0 writes null.
 */
final class CsvRows {

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL).build();

    private final CsvParser parser;

    CsvRows(Reader in, char delimiter) throws IOException {
        parser = CSV.createParser(in);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
    }

    /** The next row's cells (null for an empty unquoted cell), or null at the end. */
    List<String> next() throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> row = new ArrayList<>();
        for (JsonToken cell = parser.nextToken(); cell != JsonToken.END_ARRAY; cell = parser.nextToken()) {
            row.add(cell == JsonToken.VALUE_NULL ? null : parser.getText());
        }
        return row;
    }
}
