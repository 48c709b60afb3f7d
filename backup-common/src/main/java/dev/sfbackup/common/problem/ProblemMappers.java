package dev.sfbackup.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every rejected request into application/problem+json that names the field and what is allowed. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem());
        // whole seconds, rounded up: the HTTP form of Retry-After
        problem.retryAfter().ifPresent(wait -> response.header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000)));
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        String field = jsonPath(e);
        return badJson(field, "unknown field; allowed fields are " + e.getKnownPropertyIds());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return badJson(jsonPath(e), "cannot read '" + e.getValue() + "' as " + describe(e.getTargetType()));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "a different value" : describe(e.getTargetType());
        return badJson(field.isEmpty() ? "body" : field, "expected " + expected);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        ApiProblem within = problemWithin(e);
        if (within != null) {
            return apiProblem(within);
        }
        String field = jsonPath(e);
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        return badJson(field.isEmpty() ? "body" : field, message == null ? "invalid value" : firstLine(message));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return badJson("body", "malformed JSON: " + firstLine(e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return badJson("body", "unreadable JSON: " + firstLine(e.getOriginalMessage()));
    }

    /**
     * Every failure no other mapper claims: 503 with Retry-After while the database cannot be reached (a PostgreSQL
     * restart is an outage to wait out, not a server error), else 500 as problem+json with the cause in the log.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warn("the database cannot be reached; answering 503: " + e);
            return apiProblem(ApiProblem.unavailable("the database cannot be reached now; try again shortly", DATABASE_RETRY));
        }
        LOG.error("request failed", e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "the request failed unexpectedly (" + e.getClass().getSimpleName() + "); see the service log", List.of()));
    }

    /**
     * Quarkus REST wraps unreadable bodies (JsonParseException and most DatabindExceptions) in a plain 400
     * WebApplicationException; unwrap them so the answer still names the field ("body" for malformed JSON).
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        ApiProblem within = problemWithin(e);
        if (within != null) {
            return apiProblem(within);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem("about:blank", reason, status, e.getMessage(), List.of()));
    }

    /** A problem raised while the body was read (a limit, a converter) arrives wrapped by Jackson or JAX-RS. */
    private static ApiProblem problemWithin(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return problem;
            }
        }
        return null;
    }

    private static Response badJson(String field, String message) {
        return respond(new Problem("about:blank", "Bad Request", 400, field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.retentionDays" becomes "retentionDays": the method and parameter names mean nothing to a client. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as PT24H";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object of type " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
