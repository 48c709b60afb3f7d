package dev.sfbackup.common.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Thrown by services to reject a request; rendered as application/problem+json. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final String type;
    private final Duration retryAfter;

    public ApiProblem(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, "about:blank", null);
    }

    private ApiProblem(int status, String title, String detail, List<Problem.FieldError> errors, String type, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(400, "Bad Request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem unprocessable(String field, String message) {
        return new ApiProblem(422, "Unprocessable Content", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "Not Found", what + " " + id + " does not exist", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }

    public static ApiProblem conflict(String field, String message) {
        return new ApiProblem(409, "Conflict", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem contentTooLarge(String field, String message) {
        return new ApiProblem(413, "Content Too Large", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "Precondition Failed", detail, List.of());
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service Unavailable", detail, List.of());
    }

    /** A 503 whose answer carries a Retry-After header: the caller should try again after {@code retryAfter}. */
    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        return new ApiProblem(503, "Service Unavailable", detail, List.of(), "about:blank", retryAfter);
    }

    /** A 409 with its own problem type URI, for a conflict the caller must recognise and act on. */
    public static ApiProblem conflictOfType(String type, String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of(), type, null);
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }

    /** How long the caller should wait before retrying, sent as Retry-After. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }
}
