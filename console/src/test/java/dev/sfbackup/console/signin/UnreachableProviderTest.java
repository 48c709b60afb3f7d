package dev.sfbackup.console.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OIDC mode with an identity provider nobody answers for: signing in cannot work, so pages answer 500, while the
 * health endpoints (the probes) and the static files stay up.
 */
@QuarkusTest
@TestProfile(UnreachableProviderTest.UnreachableProvider.class)
class UnreachableProviderTest {

    public static class UnreachableProvider implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "oidc-test";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "console.sign-in", "oidc",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/sfbackup",
                    "quarkus.oidc.client-id", "console",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.oidc.connection-timeout", "PT1S",
                    "quarkus.http.auth.permission.console.enabled", "true",
                    "console.services.policy", "http://127.0.0.1:9",
                    "console.services.session", "http://127.0.0.1:9",
                    "console.services.storage", "http://127.0.0.1:9");
        }
    }

    @Test
    void pagesAnswer500WhileHealthAndStaticFilesStayUp() {
        given().redirects().follow(false).get("/").then().statusCode(500);
        given().redirects().follow(false).get("/policies").then().statusCode(500);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/static/console.css").then().statusCode(200).body(containsString("--ok"));
    }
}
