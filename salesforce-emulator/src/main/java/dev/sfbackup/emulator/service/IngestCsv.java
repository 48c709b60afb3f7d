package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as Bulk API 2.0 ingest accepts it (quoted or bare cells, doubled quotes, LF or CRLF line endings, blank
 * lines skipped), read by jackson-dataformat-csv.
 */
final class IngestCsv {

    private static final CsvFactory CSV = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private IngestCsv() {
    }

    /** The rows of the text, header included; a row's cells in order, an empty cell as "". */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser parser = CSV.createParser(text)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> row = new ArrayList<>();
                for (String cell = parser.nextTextValue(); cell != null; cell = parser.nextTextValue()) {
                    row.add(cell);
                }
                rows.add(row);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
