package dev.sfbackup.security.audit;

import dev.sfbackup.api.audit.AuditOutcome;
import dev.sfbackup.api.audit.AuditPage;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** This service's audit trail, newest first: {@code GET /api/v1/audit?actor=&action=&outcome=&from=&to=&page=&size=}. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_SIZE = 500;

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size)
            throws SQLException {
        int pageNumber = number("page", page, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = number("size", size, 1, MAX_SIZE);
        AuditLog.Filter filter = new AuditLog.Filter(blankToNull(actor), blankToNull(action), outcome(outcome),
                instant("from", from), instant("to", to));
        return log.search(filter, pageNumber, pageSize);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static AuditOutcome outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("outcome", "one of " + Arrays.toString(AuditOutcome.values()));
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest(name, "a whole number between " + min + " and " + max);
    }
}
