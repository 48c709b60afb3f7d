package dev.sfbackup.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the roles quarkus-oidc read from a verified token into the roles endpoints check: unknown roles are dropped,
 * each ladder role brings the ones below it, and a {@code service} caller named session-service also gets
 * {@link Roles#SESSION_SERVICE}. The orgs the token may touch are attached as {@link OrgAccess}.
 */
@ApplicationScoped
public class RoleLadderAugmentor implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public RoleLadderAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = rolesOf(identity, TokenClaims.caller(token, config.callerClaims()));
        QuarkusSecurityIdentity.Builder augmented = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(OrgAccess.ATTRIBUTE, OrgAccess.of(token.getClaim(config.orgsClaim())))
                .addRoles(roles);
        return Uni.createFrom().item(augmented.build());
    }

    Set<String> rolesOf(SecurityIdentity identity, String caller) {
        Set<String> roles = new LinkedHashSet<>();
        int highest = -1;
        for (String role : identity.getRoles()) {
            if (Roles.FROM_TOKEN.contains(role)) {
                roles.add(role);
                highest = Math.max(highest, Roles.LADDER.indexOf(role));
            }
        }
        roles.addAll(Roles.LADDER.subList(0, highest + 1));
        if (roles.contains(Roles.SERVICE) && config.sessionServiceClient().equals(caller)) {
            roles.add(Roles.SESSION_SERVICE);
        }
        return roles;
    }
}
