package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One element of an sObject Collections response, in the order of the records sent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaveResult(String id, boolean success, List<SaveError> errors) {

    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** {@code {"statusCode":"REQUIRED_FIELD_MISSING","message":"…","fields":["Name"]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SaveError(String statusCode, String message, List<String> fields) {

        public SaveError {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }
}
