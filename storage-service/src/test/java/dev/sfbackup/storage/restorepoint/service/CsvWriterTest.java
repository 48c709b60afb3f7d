package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static final String ALPHABET = "ab Z09,\"\r\n#\t;'\\-é€\u2028";

    @Test
    void quotesExactlyWhereJacksonsStrictCheckQuotes() throws IOException {
        Random random = new Random(20);
        List<String> columns = List.of("Id", "Name", "Description");
        StringWriter ours = new StringWriter();
        StringWriter jacksons = new StringWriter();
        CsvWriter csv = new CsvWriter(ours, columns);
        try (SequenceWriter reference = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build()
                .writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(jacksons)) {
            reference.write(columns.toArray(String[]::new));
            for (int i = 0; i < 5_000; i++) {
                String[] row = {randomText(random), randomText(random), randomText(random)};
                csv.row(row);
                reference.write(row);
            }
        }
        csv.finish();

        assertEquals(jacksons.toString(), ours.toString());
    }

    @Test
    void writesTheDataLoaderShape() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, List.of("Id", "Name"));
        csv.row(new String[] {"001A", "Acme, Inc."});
        csv.row(new String[] {"001B", ""});
        csv.row(new String[] {"001C", "Say \"hi\"\nthere"});
        csv.finish();

        assertEquals("Id,Name\r\n001A,\"Acme, Inc.\"\r\n001B,\r\n001C,\"Say \"\"hi\"\"\nthere\"\r\n", out.toString());
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            // mostly letters, so that many values need no quotes
            text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'x');
        }
        return text.toString();
    }
}
