package dev.sfbackup.security;

import java.util.List;
import java.util.Set;

/**
 * The roles an endpoint can require. The four user roles form a ladder, each including the ones before it:
 * {@code viewer ⊂ operator ⊂ restore-operator ⊂ admin} ({@link RoleLadderAugmentor} expands a token's roles once, so an
 * endpoint declares only the lowest role it needs). {@code service} is for calls between the suite's services and
 * includes no user role. {@link #SESSION_SERVICE} is never read from a token: the augmentor grants it to a caller that
 * holds {@code service} and whose client claim names session-service (see {@link SecurityConfig#sessionServiceClient()}).
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String RESTORE_OPERATOR = "restore-operator";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";
    /** Derived: a service token whose caller is session-service (the only one allowed to ingest and to read credentials). */
    public static final String SESSION_SERVICE = "service:session-service";

    /** The user roles from the lowest to the highest. */
    public static final List<String> LADDER = List.of(VIEWER, OPERATOR, RESTORE_OPERATOR, ADMIN);

    /** Roles a token may carry; anything else in the role claim is ignored. */
    public static final Set<String> FROM_TOKEN = Set.of(VIEWER, OPERATOR, RESTORE_OPERATOR, ADMIN, SERVICE);

    private Roles() {
    }
}
