package dev.sfbackup.storage.restorepoint.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Consumer;

/** A record's top-level field names, read by streaming its JSON (no tree). */
final class RecordFieldNames {

    private static final JsonFactory JSON = new JsonFactory();

    private RecordFieldNames() {
    }

    /** Hands each of the record's top-level field names to names. */
    static void forEach(byte[] record, Consumer<String> names) throws IOException {
        try (JsonParser parser = JSON.createParser(record)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                names.accept(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        }
    }
}
