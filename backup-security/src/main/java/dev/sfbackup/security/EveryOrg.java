package dev.sfbackup.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that spans every org (repositories, garbage collection, the audit trail, key rotation): a caller
 * whose token is limited to some orgs is refused with 403, whatever its role. Declared next to {@code @RolesAllowed}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EveryOrg {
}
