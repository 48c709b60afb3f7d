package dev.sfbackup.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * OIDC mode end to end through the authorization-code flow, against {@link LoopbackOidcProvider}: a client that keeps
 * cookies and follows redirects asks for a page, is sent to the provider, signs in there, comes back with a code that
 * quarkus-oidc exchanges for tokens, and lands on the page signed in with the roles of the token.
 */
@QuarkusTest
@TestProfile(OidcCodeFlowSignInTest.Oidc.class)
class OidcCodeFlowSignInTest {

    public static class Oidc implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "oidc-test";
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LoopbackOidcProvider.class));
        }
    }

    private static final Pattern REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI console;

    @Test
    void aViewerSignsInThroughTheProviderAndSeesNoNewRestore() throws Exception {
        Visit visit = signIn("vera", "/restores");
        HttpResponse<String> page = visit.landed();
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.uri().getPath().equals("/restores"), "back on the page asked for: " + page.uri());
        assertTrue(visit.redirects().stream().anyMatch(u -> u.getPath().endsWith("/authorize")), "sent to the provider: " + visit.redirects());
        assertTrue(visit.redirects().stream().anyMatch(u -> u.getPath().equals("/restores") && u.getQuery() != null && u.getQuery().contains("code=")),
                "back with a code: " + visit.redirects());
        assertTrue(page.body().contains("vera (viewer)"), page.body());
        assertFalse(page.body().contains("id=\"new-restore\""), "a viewer sees no New restore");
        assertEquals(403, visit.get("/restores/new").statusCode(), "and the wizard refuses a viewer");
    }

    @Test
    void anAdminSignsInWithTheAdminRole() throws Exception {
        Visit visit = signIn("ada", "/restores");
        HttpResponse<String> page = visit.landed();
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("ada (admin)"), page.body());
        assertTrue(page.body().contains("id=\"new-restore\""), "an admin is offered New restore");
    }

    @Test
    void withoutSigningInAtTheProviderThereIsNoSession() throws Exception {
        Visit visit = new Visit(client());
        HttpResponse<String> login = visit.get("/restores");
        assertTrue(login.uri().getPath().endsWith("/authorize"), "a page sends to the provider: " + login.uri());
        HttpResponse<String> wrong = visit.post(login.uri(), "request=" + requestOf(login.body()) + "&username=vera&password=guess");
        assertTrue(wrong.body().contains("Wrong user name or password"), wrong.body());
        assertTrue(visit.redirects().stream().noneMatch(u -> u.getQuery() != null && u.getQuery().contains("code=")), "no code was issued");
        assertTrue(visit.get("/restores").uri().getPath().endsWith("/authorize"), "still sent to sign in");
    }

    private Visit signIn(String user, String path) throws Exception {
        Visit visit = new Visit(client());
        HttpResponse<String> login = visit.get(path);
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.uri().toString().startsWith("http://127.0.0.1:"), login.uri().toString());
        visit.post(login.uri(), "request=" + requestOf(login.body()) + "&username=" + user
                + "&password=" + URLEncoder.encode(LoopbackOidcProvider.PASSWORD, StandardCharsets.UTF_8));
        return visit;
    }

    private static String requestOf(String loginForm) {
        Matcher m = REQUEST_FIELD.matcher(loginForm);
        assertTrue(m.find(), loginForm);
        return m.group(1);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** One user's browsing: cookies kept, redirects followed; remembers the addresses it was redirected through. */
    private final class Visit {

        private final HttpClient client;
        private final List<URI> redirects = new ArrayList<>();
        private HttpResponse<String> last;

        Visit(HttpClient client) {
            this.client = client;
        }

        HttpResponse<String> get(String path) throws Exception {
            // the loopback address, not "localhost": the cookie jar keeps the console's cookies by host
            URI root = URI.create("http://127.0.0.1:" + console.getPort() + "/");
            return send(HttpRequest.newBuilder(root.resolve(path)).header("Accept", "text/html").GET().build());
        }

        HttpResponse<String> post(URI uri, String form) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        HttpResponse<String> landed() {
            return last;
        }

        List<URI> redirects() {
            return redirects;
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            List<URI> chain = new ArrayList<>();
            for (Optional<HttpResponse<String>> p = response.previousResponse(); p.isPresent(); p = p.get().previousResponse()) {
                HttpResponse<String> redirect = p.get();
                redirect.headers().firstValue("Location").ifPresent(l -> chain.addFirst(redirect.uri().resolve(l)));
            }
            redirects.addAll(chain);
            last = response;
            return response;
        }
    }
}
