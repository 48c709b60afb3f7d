package dev.sfbackup.storage;

import static dev.sfbackup.testing.AccessMatrix.Rule.atLeast;
import static dev.sfbackup.testing.AccessMatrix.Rule.sessionServiceOnly;

import dev.sfbackup.security.Roles;
import dev.sfbackup.testing.AccessMatrix;
import dev.sfbackup.testing.AccessMatrix.Rule;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every endpoint of storage-service against every kind of caller; a new endpoint needs its rule here. */
@QuarkusTest
class AccessMatrixTest {

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        Rule readers = atLeast(Roles.VIEWER).orServices();
        RULES.put("GET /api/v1/restore-points", readers);
        RULES.put("POST /api/v1/restore-points", sessionServiceOnly());
        RULES.put("GET /api/v1/restore-points/{id}", readers);
        RULES.put("GET /api/v1/restore-points/{id}/schema", readers);
        RULES.put("PUT /api/v1/restore-points/{id}/batches/{seq}", sessionServiceOnly());
        RULES.put("POST /api/v1/restore-points/{id}/deletions", sessionServiceOnly());
        RULES.put("POST /api/v1/restore-points/{id}/end-of-full-scan", sessionServiceOnly());
        RULES.put("POST /api/v1/restore-points/{id}/commit", sessionServiceOnly());
        RULES.put("POST /api/v1/restore-points/{id}/discard", sessionServiceOnly());
        RULES.put("POST /api/v1/restore-points/{id}/leases", sessionServiceOnly());
        RULES.put("DELETE /api/v1/restore-points/{id}/leases/{leaseId}", sessionServiceOnly());
        RULES.put("GET /api/v1/restore-points/{point}/objects/{object}/records", readers);
        RULES.put("GET /api/v1/restore-points/{a}/diff/{b}", readers);
        RULES.put("GET /api/v1/restore-points/{id}/files", readers);
        RULES.put("PUT /api/v1/restore-points/{id}/files/{sourceId}", sessionServiceOnly());
        RULES.put("GET /api/v1/restore-points/{id}/metadata", readers);
        RULES.put("PUT /api/v1/restore-points/{id}/metadata/{name}", sessionServiceOnly());
        RULES.put("GET /api/v1/restore-points/{id}/export", atLeast(Roles.OPERATOR));
        RULES.put("GET /api/v1/policies/{policyId}/export", atLeast(Roles.OPERATOR));
        RULES.put("GET /api/v1/policies/{policyId}/files", readers);
        RULES.put("GET /api/v1/policies/{policyId}/metadata", readers);
        RULES.put("GET /api/v1/policies/{policyId}/metadata/diff", readers);
        RULES.put("POST /api/v1/erasures", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/erasures/{id}", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/files/{id}/content", atLeast(Roles.OPERATOR).orServices());
        RULES.put("GET /api/v1/objects/{object}/records", readers);
        RULES.put("GET /api/v1/objects/{object}/records/{recordId}/versions", readers);
        RULES.put("GET /api/v1/watermarks/{policyId}/{object}", sessionServiceOnly());
        RULES.put("POST /api/v1/latest-versions/{policyId}/{object}/content-hashes", sessionServiceOnly());
        RULES.put("POST /api/v1/retention/run", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/repositories", atLeast(Roles.VIEWER));
        RULES.put("POST /api/v1/repositories", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/repositories/{id}", atLeast(Roles.VIEWER));
        RULES.put("PUT /api/v1/repositories/{id}", atLeast(Roles.ADMIN));
        RULES.put("DELETE /api/v1/repositories/{id}", atLeast(Roles.ADMIN));
        RULES.put("PUT /api/v1/repositories/{id}/users/{policyId}", Rule.services());
        RULES.put("DELETE /api/v1/repositories/{id}/users/{policyId}", Rule.services());
        RULES.put("POST /api/v1/repositories/{id}/verify", atLeast(Roles.OPERATOR));
        RULES.put("GET /api/v1/repositories/{id}/verifies/{verifyId}", atLeast(Roles.OPERATOR));
        RULES.put("POST /api/v1/repositories/{id}/gc", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/repositories/{id}/cache", atLeast(Roles.VIEWER));
        RULES.put("PUT /api/v1/repositories/{id}/cache", atLeast(Roles.ADMIN));
        RULES.put("POST /api/v1/repositories/{id}/cache/upload", atLeast(Roles.OPERATOR));
        RULES.put("POST /api/v1/encryption-key/reseal", atLeast(Roles.ADMIN));
        RULES.put("GET /api/v1/audit", atLeast(Roles.ADMIN));
    }

    @Test
    void everyEndpointAnswersEveryCallerByItsRule() {
        AccessMatrix.verify(RULES, "/api/", "/internal/");
    }
}
