package dev.sfbackup.common.rest;

import dev.sfbackup.common.problem.ApiProblem;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a UUID in a path as a 400 naming the parameter when it is not one: JAX-RS answers a bare 404 for a path value
 * it cannot convert, which tells a client its id is unknown rather than malformed. Only the canonical 36-character form
 * is a UUID here; {@link UUID#fromString} would also take "1-2-3-4-5".
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class UuidPathParameters implements ParamConverterProvider {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = pathName(annotations);
        return name == null ? null : (ParamConverter<T>) new Converter(name);
    }

    private static String pathName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private record Converter(String name) implements ParamConverter<UUID> {

        @Override
        public UUID fromString(String value) {
            if (value == null || !CANONICAL.matcher(value).matches()) {
                // only a WebApplicationException leaves a path converter as itself; ProblemMappers answers its cause
                throw new WebApplicationException(ApiProblem.badRequest(name,
                        "expected a UUID such as 3f2a5c1e-0b7d-4c1a-9e2f-5d6c7b8a9f01, got '" + (value == null ? "" : value) + "'"), 400);
            }
            return UUID.fromString(value);
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    }
}
