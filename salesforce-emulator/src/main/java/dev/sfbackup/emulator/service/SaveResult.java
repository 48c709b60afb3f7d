package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Outcome of one record of an sObject Collections call. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaveResult(String id, boolean success, List<SaveError> errors) {

    /** One reason a record was not saved. */
    @RegisterForReflection
    public record SaveError(String statusCode, String message, List<String> fields) {
    }

    static SaveResult ok(String id) {
        return new SaveResult(id, true, List.of());
    }

    static SaveResult failed(String id, SaveError error) {
        return new SaveResult(id, false, List.of(error));
    }
}
