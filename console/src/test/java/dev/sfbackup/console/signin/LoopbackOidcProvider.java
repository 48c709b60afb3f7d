package dev.sfbackup.console.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID provider on loopback for the console's OIDC sign-in test: discovery, JWKS, an authorize endpoint
 * with a login form that answers with a redirect carrying a one-time code, and a token endpoint that exchanges the code
 * (client authenticated with its secret, redirect_uri checked) for ID and access tokens signed with jose4j (RS256),
 * carrying the user's roles in {@code groups}; and an end-session endpoint (the console's configuration signs out at
 * the provider too, and quarkus-oidc refuses to start without one).
 *
 * <p>The suite's built-in local issuer cannot stand in: it is a login page that mints the console's own session cookie
 * (no discovery, no JWKS, no authorization code), so it would not exercise quarkus-oidc's code flow at all.
 *
 * <p>The console's pages also call the services; here the same server answers the two reads the restores page makes
 * ({@code /api/v1/restores}, {@code /api/v1/policies}) with empty lists, and only for a bearer access token this provider
 * issued: that is how the test sees the console forwards the signed-in user's token.
 */
public class LoopbackOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "console";
    static final String CLIENT_SECRET = "loopback-client-secret-" + UUID.randomUUID();
    /** The users the login form knows: password, and the roles their tokens carry. */
    static final Map<String, List<String>> USERS = Map.of("vera", List.of("viewer"), "ada", List.of("admin"));
    static final String PASSWORD = "loopback-password";

    private HttpServer server;
    private RsaJsonWebKey key;
    private String issuer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Granted> codes = new ConcurrentHashMap<>();
    private final Set<String> issuedAccessTokens = ConcurrentHashMap.newKeySet();

    private record Pending(String redirectUri, String state, String nonce) {
    }

    private record Granted(String user, String redirectUri, String nonce) {
    }

    @Override
    public Map<String, String> start() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("loopback-" + UUID.randomUUID());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("the loopback provider cannot start", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/loopback";
        server.createContext("/realms/loopback/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/loopback/jwks", exchange -> answer(exchange, 200, "application/json",
                new JsonWebKeySet(key).toJson()));
        server.createContext("/realms/loopback/authorize", this::authorize);
        server.createContext("/realms/loopback/token", this::token);
        server.createContext("/realms/loopback/logout", this::logout);
        server.createContext("/api/v1/", this::serviceRead);
        server.start();
        String services = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("console.sign-in", "oidc"),
                Map.entry("quarkus.oidc.tenant-enabled", "true"),
                Map.entry("quarkus.oidc.auth-server-url", issuer),
                Map.entry("quarkus.oidc.client-id", CLIENT_ID),
                Map.entry("quarkus.oidc.credentials.secret", CLIENT_SECRET),
                Map.entry("quarkus.http.auth.permission.console.enabled", "true"),
                Map.entry("console.services.policy", services),
                Map.entry("console.services.session", services),
                Map.entry("console.services.storage", services));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","end_session_endpoint":"%1$s/logout","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}
                """.formatted(issuer);
        answer(exchange, 200, "application/json", json);
    }

    /** GET: the login form for an authorization request. POST: the user's answer, redirected back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            if (!"code".equals(query.get("response_type")) || !CLIENT_ID.equals(query.get("client_id")) || query.get("redirect_uri") == null) {
                answer(exchange, 400, "text/plain", "unsupported authorization request: " + query);
                return;
            }
            String request = UUID.randomUUID().toString();
            pending.put(request, new Pending(query.get("redirect_uri"), query.get("state"), query.get("nonce")));
            answer(exchange, 200, "text/html", loginForm(request, ""));
            return;
        }
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String requestId = posted.getOrDefault("request", "");
        Pending request = pending.get(requestId);
        String user = posted.get("username");
        if (request == null) {
            answer(exchange, 400, "text/plain", "no such authorization request");
            return;
        }
        if (!USERS.containsKey(user) || !PASSWORD.equals(posted.get("password"))) {
            answer(exchange, 200, "text/html", loginForm(requestId, "<p role=\"alert\">Wrong user name or password</p>"));
            return;
        }
        pending.remove(requestId);
        String code = UUID.randomUUID().toString();
        codes.put(code, new Granted(user, request.redirectUri(), request.nonce()));
        String location = request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + "code=" + code
                + (request.state() == null ? "" : "&state=" + URLEncoder.encode(request.state(), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private static String loginForm(String request, String error) {
        return """
                %s<form method="post" action="/realms/loopback/authorize"><input type="hidden" name="request" value="%s">
                <label for="username">User</label><input id="username" name="username">
                <label for="password">Password</label><input id="password" name="password" type="password">
                <button type="submit">Sign in</button></form>""".formatted(error, request);
    }

    /** RP-initiated logout (the console's /oidc-logout): back to where the console asks. */
    private void logout(HttpExchange exchange) throws IOException {
        String back = form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        if (back == null) {
            answer(exchange, 200, "text/plain", "signed out");
            return;
        }
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** The code, once, for tokens: the client authenticates with its secret and names the same redirect_uri. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, posted)) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Granted granted = codes.remove(posted.getOrDefault("code", ""));
        if (!"authorization_code".equals(posted.get("grant_type")) || granted == null
                || !granted.redirectUri().equals(posted.get("redirect_uri"))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            String idToken = sign(claims(granted.user(), CLIENT_ID, granted.nonce()));
            String accessToken = sign(claims(granted.user(), "sfbackup", null));
            issuedAccessTokens.add(accessToken);
            answer(exchange, 200, "application/json", """
                    {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":600}""".formatted(accessToken, idToken));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The services' two reads behind the restores page: an empty list, for a token issued here only. */
    private void serviceRead(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean issued = authorization != null && authorization.startsWith("Bearer ")
                && issuedAccessTokens.contains(authorization.substring("Bearer ".length()));
        String path = exchange.getRequestURI().getPath();
        if (!issued) {
            answer(exchange, 401, "application/json", "{\"title\":\"not a token this provider issued\"}");
        } else if ("GET".equals(exchange.getRequestMethod()) && (path.equals("/api/v1/restores") || path.equals("/api/v1/policies"))) {
            answer(exchange, 200, "application/json", "[]");
        } else {
            answer(exchange, 404, "application/json", "{\"title\":\"not served by the loopback provider\"}");
        }
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> posted) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            return pair.equals(URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8))
                    || pair.equals(CLIENT_ID + ":" + CLIENT_SECRET);
        }
        return CLIENT_ID.equals(posted.get("client_id")) && CLIENT_SECRET.equals(posted.get("client_secret"));
    }

    private JwtClaims claims(String user, String audience, String nonce) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(user);
        claims.setClaim("preferred_username", user);
        claims.setStringListClaim("groups", USERS.get(user));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        return claims;
    }

    private String sign(JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> b));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
