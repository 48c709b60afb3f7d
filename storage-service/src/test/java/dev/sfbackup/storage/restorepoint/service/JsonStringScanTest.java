package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonStringScanTest {

    /** Quotes, backslashes and commas at every position of strings longer and shorter than a word, UTF-8 around them. */
    private static final byte[] ALPHABET = "ab,\"\\é€ \u0001".getBytes(StandardCharsets.UTF_8);

    @Test
    void findsTheClosingQuoteAndCommasAsALoopOverTheBytesDoes() {
        Random random = new Random(20);
        for (int round = 0; round < 20_000; round++) {
            byte[] json = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < json.length; i++) {
                json[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) ('A' + random.nextInt(26));
            }
            json[json.length - 1] = '"';
            JsonStringScan scan = new JsonStringScan();
            scan.record(json);
            // strings are asked about in the order they come
            for (int from = random.nextInt(json.length); from < json.length; from += 1 + random.nextInt(json.length - from)) {
                String text = new String(json, StandardCharsets.UTF_8) + " from " + from;
                int scanned = scan.string(from);
                int quote = closingQuoteByByte(json, from);
                if (quote < 0) {
                    assertEquals(-1, scanned, text);
                } else {
                    assertEquals(quote, JsonStringScan.closingQuote(scanned), text);
                    assertEquals(hasCommaByByte(json, from, quote), JsonStringScan.hasComma(scanned), text);
                }
            }
        }
    }

    @Test
    void refusesAStringThatIsNotClosed() {
        byte[] json = "{\"Name\":\"Acme and partners".getBytes(StandardCharsets.UTF_8);

        JsonStringScan scan = new JsonStringScan();
        scan.record(json);

        assertThrows(IllegalStateException.class, () -> scan.string(9));
    }

    private static int closingQuoteByByte(byte[] json, int from) {
        for (int i = from; ; i++) {
            if (json[i] == '"') {
                return i;
            }
            if (json[i] == '\\') {
                return -1;
            }
        }
    }

    private static boolean hasCommaByByte(byte[] json, int from, int to) {
        for (int i = from; i < to; i++) {
            if (json[i] == ',') {
                return true;
            }
        }
        return false;
    }
}
