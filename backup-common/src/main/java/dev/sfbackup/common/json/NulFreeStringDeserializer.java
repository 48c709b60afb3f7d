package dev.sfbackup.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Jackson's text deserializer, refusing the NUL character (a 500 from PostgreSQL otherwise) with the field's path. */
final class NulFreeStringDeserializer extends StringDeserializer {

    static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw JsonMappingException.from(parser, MESSAGE);
        }
        return value;
    }
}
