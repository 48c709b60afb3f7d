package dev.sfbackup.console.signin;

import dev.sfbackup.console.ConsoleConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Signing in and out. In local mode the login page checks the local admin's password and sets the session cookie
 * (HttpOnly, SameSite=Lax, Secure unless console.secure-cookie=false) to a token minted with the local key. In OIDC
 * mode quarkus-oidc runs the authorization-code flow before any page, and signing out goes to its logout path.
 * The login form itself is protected by a double-submit cookie: no one is signed in yet to derive a value from.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    static final String LOGIN_CSRF_COOKIE = "sfb_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsoleConfig config;
    private final LocalIssuer issuer;
    private final CurrentUser current;

    public SignInPage(ConsoleConfig config, LocalIssuer issuer, CurrentUser current) {
        this.config = config;
        this.issuer = issuer;
        this.current = current;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String csrf, String error, boolean configured, String user);
    }

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next) {
        if (config.signIn() == ConsoleConfig.SignInMode.OIDC) {
            return Response.seeOther(URI.create("/")).build();
        }
        return loginForm(next, null, Response.Status.OK);
    }

    @POST
    @Path("login")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("user") String user, @FormParam("password") String password,
            @FormParam("next") String next, @FormParam(Csrf.FIELD) String csrf, @CookieParam(LOGIN_CSRF_COOKIE) String expected) {
        if (config.signIn() == ConsoleConfig.SignInMode.OIDC) {
            return Response.seeOther(URI.create("/")).build();
        }
        if (expected == null || csrf == null || !expected.equals(csrf)) {
            return loginForm(next, "The form expired: sign in again.", Response.Status.FORBIDDEN);
        }
        Optional<String> token = issuer.signIn(user, password);
        if (token.isEmpty()) {
            return loginForm(next, "Wrong user name or password.", Response.Status.UNAUTHORIZED);
        }
        NewCookie session = new NewCookie.Builder(SignInFilter.SESSION_COOKIE).value(token.get()).path("/")
                .httpOnly(true).secure(config.secureCookie()).sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) config.local().sessionLifetime().toSeconds()).build();
        return Response.seeOther(URI.create(safeNext(next))).cookie(session, expire(LOGIN_CSRF_COOKIE)).build();
    }

    @POST
    @Path("logout")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(Csrf.FIELD) String csrf) {
        Csrf.require(current.get(), csrf);
        if (config.signIn() == ConsoleConfig.SignInMode.OIDC) {
            // quarkus.oidc.logout.path: ends the OIDC session here and at the identity provider
            return Response.seeOther(URI.create("/oidc-logout")).build();
        }
        return Response.seeOther(URI.create("/login")).cookie(expire(SignInFilter.SESSION_COOKIE)).build();
    }

    private Response loginForm(String next, String error, Response.Status status) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        NewCookie cookie = new NewCookie.Builder(LOGIN_CSRF_COOKIE).value(csrf).path("/login").httpOnly(true)
                .secure(config.secureCookie()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.status(status).cookie(cookie)
                .entity(Templates.login(safeNext(next), csrf, error, issuer.configured(), config.local().adminUser())).build();
    }

    private NewCookie expire(String name) {
        return new NewCookie.Builder(name).value("").path(name.equals(LOGIN_CSRF_COOKIE) ? "/login" : "/").maxAge(0)
                .httpOnly(true).secure(config.secureCookie()).build();
    }

    /** Only a path of this console: never an absolute URL another site could slip in. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }
}
