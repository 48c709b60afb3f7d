package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalRecordReaderTest {

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void streamedRecordsGetTheSameBytesAsTheJsonTreeGivesThem() throws Exception {
        String[] records = {
            """
            {"Id":"001A","Name":"Acme","Amount":10.50,"N":3.000,"Big":12345678901234567890123}""",
            """
            {"Name":"b","Id":"001B","Fax":null,"attributes":{"type":"Account"},"Ok":true,"No":false}""",
            """
            {"Id":"001C","Name":"first","Name":"last wins","Fax":"x","Fax":null}""",
            """
            {"Id":"001D","Account":{"attributes":{},"Name":"x","Z":null},"Tags":[1,null,"2026-01-02T03:04:05Z"]}""",
            """
            {"Id":"001E","SystemModstamp":"2026-01-02T03:04:05.000+0000","Text":"\\u00e9\\n\\"q\\"","Zero":0.000,"E":1.5E+3}""",
            """
            {"Id":"001F","Neg":-42,"Long":9223372036854775807,"Small":-0.00012300,"Huge":1E+30}"""
        };
        StringBuilder ndjson = new StringBuilder();
        for (String json : records) {
            ndjson.append(json).append('\n');
        }
        try (JsonParser parser = mapper.createParser(ndjson.toString())) {
            CanonicalRecordReader reader = new CanonicalRecordReader(parser);
            for (String json : records) {
                assertEquals(JsonToken.START_OBJECT, reader.nextValue());
                CanonicalRecordReader.Read streamed = reader.readRecord();
                CanonicalRecord tree = CanonicalRecord.of(mapper.readTree(json));
                assertEquals(new String(tree.json(), StandardCharsets.UTF_8),
                        new String(streamed.canonical().json(), StandardCharsets.UTF_8), json);
                assertArrayEquals(tree.sha256(), streamed.canonical().sha256());
                assertEquals(mapper.readTree(json).path("Id").asText(), streamed.id());
            }
            assertEquals(null, reader.nextValue());
        }
    }
}
