package dev.sfbackup.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A service's application/problem+json answer; errors name the fields a request got wrong. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    /** Field name to message, the first message of a field winning. */
    public Map<String, String> byField() {
        return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
    }

    /** The problem without field errors, or with those no form field shows. */
    public String summary() {
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
