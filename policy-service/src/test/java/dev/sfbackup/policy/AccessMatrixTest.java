package dev.sfbackup.policy;

import static dev.sfbackup.testing.AccessMatrix.Rule.atLeast;
import static dev.sfbackup.testing.AccessMatrix.Rule.services;
import static dev.sfbackup.testing.AccessMatrix.Rule.sessionServiceOnly;

import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.AccessMatrix;
import dev.sfbackup.testing.AccessMatrix.Rule;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint of policy-service against every kind of caller; a new endpoint needs its rule here. */
@QuarkusTest
class AccessMatrixTest {

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /api/v1/connections", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/connections", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/connections/{id}", atLeast(Roles.VIEWER));
        RULES.put("PUT /api/v1/connections/{id}", atLeast(Roles.ADMIN));
        RULES.put("DELETE /api/v1/connections/{id}", atLeast(Roles.ADMIN));
        RULES.put("GET /internal/v1/connections/{id}/credentials", sessionServiceOnly());
        RULES.put("GET /api/v1/policies", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/policies", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/policies/{id}", atLeast(Roles.VIEWER).orServices());
        RULES.put("PUT /api/v1/policies/{id}", atLeast(Roles.ADMIN));
        RULES.put("DELETE /api/v1/policies/{id}", atLeast(Roles.ADMIN));
        RULES.put("POST /api/v1/policies/{id}/enable", atLeast(Roles.ADMIN));
        RULES.put("POST /api/v1/policies/{id}/disable", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/policies/{id}/history", atLeast(Roles.VIEWER));
        RULES.put("PATCH /api/v1/policies/{id}/scope", sessionServiceOnly());
        RULES.put("POST /api/v1/policies/{id}/runs", atLeast(Roles.OPERATOR));
        RULES.put("POST /api/v1/encryption-key/reseal", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/audit", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/channels", atLeast(Roles.ADMIN));
        RULES.put("POST /api/v1/channels", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/channels/{id}", atLeast(Roles.ADMIN));
        RULES.put("PUT /api/v1/channels/{id}", atLeast(Roles.ADMIN));
        RULES.put("DELETE /api/v1/channels/{id}", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/policies/{id}/alerts", atLeast(Roles.VIEWER));
        RULES.put("PUT /api/v1/policies/{id}/alerts", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/alert-deliveries", atLeast(Roles.ADMIN));
        RULES.put("POST /internal/v1/alerts", services());
    }

    @Test
    void everyEndpointAnswersEveryCallerByItsRule() {
        AccessMatrix.verify(RULES, "/api/", "/internal/");
    }
}
