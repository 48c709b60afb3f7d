package dev.sfbackup.console.signin;

import dev.sfbackup.console.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Finds who is calling before any page runs. OIDC mode: quarkus-oidc has already signed the user in (code flow) and
 * holds their access token. Local mode: the session cookie carries the token the login page minted. Without a user, a
 * page redirects to the login page and anything else answers 401.
 */
public class SignInFilter {

    public static final String SESSION_COOKIE = "sfb_session";

    @Inject
    ConsoleConfig config;
    @Inject
    LocalIssuer localIssuer;
    @Inject
    CurrentUser current;
    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Optional<Response> signIn(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (isOpen(path)) {
            return Optional.empty();
        }
        Optional<SignedInUser> user = config.signIn() == ConsoleConfig.SignInMode.LOCAL ? fromCookie(request) : fromOidc();
        if (user.isPresent()) {
            current.set(user.get());
            return Optional.empty();
        }
        if (HttpMethod.GET.equals(request.getMethod())) {
            return Optional.of(Response.seeOther(UriBuilder.fromPath("/login").queryParam("next", path).build()).build());
        }
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED).entity("sign in first").build());
    }

    static boolean isOpen(String path) {
        return path.equals("/login") || path.startsWith("/static/") || path.startsWith("/q/");
    }

    private Optional<SignedInUser> fromCookie(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        return cookie == null ? Optional.empty() : localIssuer.verify(cookie.getValue());
    }

    private Optional<SignedInUser> fromOidc() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(new SignedInUser(identity.getPrincipal().getName(), token.getToken(), identity.getRoles()));
    }
}
