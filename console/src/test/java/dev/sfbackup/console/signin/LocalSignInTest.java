package dev.sfbackup.console.signin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Local mode's sign-in and the forms' CSRF protection, without the services: what is refused here is refused before
 * the console calls anyone.
 */
@QuarkusTest
@QuarkusTestResource(LocalSecrets.class)
class LocalSignInTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aPageWithoutSignInSendsToTheLoginPage() {
        given().auth().none().redirects().follow(false).get("/runs")
                .then().statusCode(303).header("Location", endsWith("/login?next=%2Fruns"));
    }

    @Test
    void aFormWithoutSignInIsUnauthorized() {
        given().auth().none().redirects().follow(false).contentType(ContentType.URLENC).formParam("_csrf", "x")
                .post("/policies/" + UUID.randomUUID() + "/run").then().statusCode(401);
    }

    @Test
    void theAdminSignsInWithThePasswordAndGetsAnHttpOnlySameSiteSessionCookie() {
        Response page = given().auth().none().get("/login");
        page.then().statusCode(200).body(containsString("<label for=\"password\">Password</label>"));
        String csrf = csrfOf(page.asString());
        assertEquals(csrf, page.getCookie(SignInPage.LOGIN_CSRF_COOKIE));

        given().auth().none().redirects().follow(false).cookie(SignInPage.LOGIN_CSRF_COOKIE, csrf).contentType(ContentType.URLENC)
                .formParam("user", "admin").formParam("password", "wrong").formParam("_csrf", csrf)
                .post("/login").then().statusCode(401).body(containsString("Wrong user name or password"))
                .header("Set-Cookie", not(containsString(SignInFilter.SESSION_COOKIE + "=ey")));

        Response signedIn = given().auth().none().redirects().follow(false).cookie(SignInPage.LOGIN_CSRF_COOKIE, csrf)
                .contentType(ContentType.URLENC).formParam("user", "admin").formParam("password", LocalSecrets.PASSWORD)
                .formParam("_csrf", csrf).formParam("next", "/runs").post("/login");
        signedIn.then().statusCode(303).header("Location", endsWith("/runs"));
        String setCookie = signedIn.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignInFilter.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }

    @Test
    void theLoginFormWithoutItsCookieIsRefused() {
        given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("user", "admin").formParam("password", LocalSecrets.PASSWORD).formParam("_csrf", "guessed")
                .post("/login").then().statusCode(403);
    }

    @Test
    void aFormWithoutTheUsersCsrfValueIsRefusedBeforeAnyServiceIsCalled() {
        // console.services.* point at a port nothing listens on: a call would answer 503, not 403
        given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, TestTokens.admin())
                .contentType(ContentType.URLENC).formParam("_csrf", Csrf.tokenFor(TestTokens.viewer()))
                .post("/policies/" + UUID.randomUUID() + "/run").then().statusCode(403)
                .body(containsString("CSRF"));
    }

    @Test
    void theRestoreWizardIsForRestoreOperatorsOnly() {
        // refused before any service is called (none listens here: a call would answer 503)
        for (String token : new String[] {TestTokens.viewer(), TestTokens.operator()}) {
            given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, token)
                    .get("/restores/new").then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("restore-operator"));
        }
    }

    @Test
    void runningAPlanThatIsNotOneIsRefusedBeforeSessionServiceIsCalled() {
        String token = TestTokens.restoreOperator();
        given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, token).contentType(ContentType.URLENC)
                .formParam("_csrf", Csrf.tokenFor(token)).formParam("plan", "bm90IGEgcGxhbg")
                .post("/restores/run").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("plan: not a restore plan"));
    }

    @Test
    void aTokenFromAnotherIssuerOrExpiredIsNoSession() {
        given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, TestTokens.expired("admin"))
                .get("/").then().statusCode(303).header("Location", containsString("/login"));
        given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, TestTokens.foreignKey("admin"))
                .get("/").then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void signingOutClearsTheSessionCookie() {
        String token = TestTokens.viewer();
        Response out = given().auth().none().redirects().follow(false).cookie(SignInFilter.SESSION_COOKIE, token)
                .contentType(ContentType.URLENC).formParam("_csrf", Csrf.tokenFor(token)).post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login"));
        String cleared = out.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SignInFilter.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void aServiceThatCannotBeReachedIsShownAsAPage() {
        given().auth().none().cookie(SignInFilter.SESSION_COOKIE, TestTokens.viewer()).get("/policies")
                .then().statusCode(503).contentType(containsString("text/html")).body(containsString("cannot be reached"))
                .body(containsString("Sign out"));
    }

    private static String csrfOf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertTrue(m.find(), html);
        assertNotNull(m.group(1));
        return m.group(1);
    }
}
