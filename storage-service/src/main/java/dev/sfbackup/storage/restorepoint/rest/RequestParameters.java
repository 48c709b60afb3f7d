package dev.sfbackup.storage.restorepoint.rest;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.rest.QueryParameters;
import java.time.Instant;
import java.util.UUID;

/** Query and path values read by hand so a bad one is answered with a problem naming it, not a bare 404; storage's
 * own rules on top of {@link QueryParameters}. */
public final class RequestParameters {

    private RequestParameters() {
    }

    public static UUID uuid(String name, String value) {
        return QueryParameters.uuid(name, value);
    }

    public static UUID requiredUuid(String name, String value) {
        UUID id = uuid(name, value);
        if (id == null) {
            throw ApiProblem.badRequest(name, "required");
        }
        return id;
    }

    public static Instant instant(String name, String value) {
        return QueryParameters.instant(name, value);
    }

    public static long number(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "expected a whole number, got '" + value + "'");
        }
    }
}
