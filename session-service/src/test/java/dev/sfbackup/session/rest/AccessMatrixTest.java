package dev.sfbackup.session.rest;

import static dev.sfbackup.testing.AccessMatrix.Rule.atLeast;

import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.AccessMatrix;
import dev.sfbackup.testing.AccessMatrix.Rule;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint of session-service against every kind of caller; a new endpoint needs its rule here. */
@QuarkusTest
class AccessMatrixTest {

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/v1/runs", atLeast(Roles.VIEWER).orServices());
        RULES.put("POST /api/v1/runs", atLeast(Roles.OPERATOR).orServices());
        RULES.put("GET /api/v1/runs/{id}", atLeast(Roles.VIEWER).orServices());
        RULES.put("GET /api/v1/sessions", atLeast(Roles.VIEWER));
        RULES.put("GET /api/v1/sessions/{id}", atLeast(Roles.VIEWER));
        RULES.put("GET /api/v1/sessions/{id}/log", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/sessions/{id}/stop", atLeast(Roles.OPERATOR));
        RULES.put("GET /api/v1/audit", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/restores", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/restores", atLeast(Roles.RESTORE_OPERATOR));
        RULES.put("GET /api/v1/restores/{id}", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/restores/{id}/stop", atLeast(Roles.RESTORE_OPERATOR));
        RULES.put("GET /api/v1/restores/{id}/report", atLeast(Roles.VIEWER));
        RULES.put("GET /api/v1/connections/{id}/objects", atLeast(Roles.ADMIN));
    }

    @Test
    void everyEndpointAnswersEveryCallerByItsRule() {
        AccessMatrix.verify(RULES, "/api/", "/internal/");
    }
}
