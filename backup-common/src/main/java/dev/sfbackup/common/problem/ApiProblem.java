package dev.sfbackup.common.problem;

import java.util.List;

/** Thrown by services to reject a request; rendered as application/problem+json. */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
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

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "Precondition Failed", detail, List.of());
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service Unavailable", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
