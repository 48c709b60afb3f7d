package dev.sfbackup.salesforce;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns one record of a REST query page into the caller's type straight from the JSON tokens, so that a large read
 * builds no tree per record.
 */
@FunctionalInterface
public interface RecordReader<T> {

    /**
     * Reads the record whose {@code START_OBJECT} is the parser's current token and leaves the parser at its
     * {@code END_OBJECT}. Numbers keep the text Salesforce sent ({@link JsonParser#getText()}).
     */
    T read(JsonParser record) throws IOException;
}
