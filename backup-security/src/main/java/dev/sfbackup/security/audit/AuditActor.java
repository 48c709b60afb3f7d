package dev.sfbackup.security.audit;

import dev.sfbackup.security.Roles;
import dev.sfbackup.security.SecurityConfig;
import dev.sfbackup.security.TokenClaims;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who made a request, as the audit trail names them: never the token itself. */
record AuditActor(String subject, String name, String client) {

    static final AuditActor NOBODY = new AuditActor(null, null, null);

    static AuditActor of(SecurityIdentity identity, SecurityConfig config) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return NOBODY;
        }
        return new AuditActor(token.getSubject(), TokenClaims.first(token, config.nameClaims()),
                TokenClaims.caller(token, config.callerClaims()));
    }

    /**
     * The role that allowed the call: the caller's highest ladder role when the endpoint admits a ladder role, else the
     * service role it admits; null when the endpoint declares none.
     */
    static String roleUsed(SecurityIdentity identity, Collection<String> allowed) {
        if (identity == null || identity.isAnonymous() || allowed.isEmpty()) {
            return null;
        }
        boolean admitsLadder = allowed.stream().anyMatch(Roles.LADDER::contains);
        if (admitsLadder) {
            for (int i = Roles.LADDER.size() - 1; i >= 0; i--) {
                String role = Roles.LADDER.get(i);
                if (identity.hasRole(role)) {
                    return role;
                }
            }
        }
        for (String role : new String[] {Roles.SESSION_SERVICE, Roles.SERVICE}) {
            if (allowed.contains(role) && identity.hasRole(role)) {
                return role;
            }
        }
        return null;
    }
}
