package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OAuthTokenTest {

    @Test
    void clientCredentialsGrantAnswersWithSalesforceTokenShape() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-client").formParam("client_secret", "demo-secret")
                .post("/services/oauth2/token")
                .then().statusCode(200)
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("instance_url", matchesPattern("http://[^/]+:\\d+"))
                .body("id", matchesPattern("http://.+/id/00D\\w{15}/005\\w{15}"))
                .body("issued_at", matchesPattern("\\d{13}"))
                .body("signature", notNullValue())
                .body("expires_in", nullValue());
    }

    @Test
    void clientCredentialsMayComeInABasicAuthorizationHeader() {
        String basic = Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).formParam("grant_type", "client_credentials")
                .post("/services/oauth2/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void wrongSecretGetsInvalidClient() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-client").formParam("client_secret", "nope")
                .post("/services/oauth2/token")
                .then().statusCode(400)
                .body("error", equalTo("invalid_client"))
                .body("error_description", equalTo("invalid client credentials"));
    }

    @Test
    void unknownGrantTypeIsRefused() {
        given().formParam("grant_type", "password").post("/services/oauth2/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void jwtBearerIsAcceptedWhenIssuerIsTheClientId() {
        given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .formParam("assertion", jwt("demo-client", System.currentTimeMillis() / 1000 + 120))
                .post("/services/oauth2/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).body("access_token", notNullValue());
    }

    @Test
    void jwtBearerFromAnotherClientOrExpiredIsRefused() {
        given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .formParam("assertion", jwt("someone-else", System.currentTimeMillis() / 1000 + 120))
                .post("/services/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_client_id"));
        given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .formParam("assertion", jwt("demo-client", System.currentTimeMillis() / 1000 - 600))
                .post("/services/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .formParam("assertion", "not-a-jwt")
                .post("/services/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void dataCallsWithoutAValidTokenGetInvalidSessionId() {
        given().get(TestOrg.DATA + "/sobjects")
                .then().statusCode(401)
                .body("[0].errorCode", equalTo("INVALID_SESSION_ID"))
                .body("[0].message", equalTo("Session expired or invalid"));
        given().header("Authorization", "Bearer forged").get(TestOrg.DATA + "/sobjects")
                .then().statusCode(401).body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
    }

    @Test
    void revokedSessionsNeedANewToken() {
        String token = TestOrg.token();
        given().delete("/emulator/admin/sessions").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get(TestOrg.DATA + "/sobjects")
                .then().statusCode(401).body("[0].errorCode", equalTo("INVALID_SESSION_ID"));
        TestOrg.api().get(TestOrg.DATA + "/sobjects").then().statusCode(200);
    }

    private static String jwt(String issuer, long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"integration@demo-org.example\","
                + "\"aud\":\"https://login.salesforce.com\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(new byte[256]);
    }
}
