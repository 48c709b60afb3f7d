package dev.sfbackup.security;

import dev.sfbackup.common.problem.ApiProblem;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The orgs the current caller may see and act on. Rows of other orgs are answered like rows that do not exist (404), so
 * their existence does not leak. Work outside a request or without a signed-in caller (the scheduler, the engine) sees every org: every API
 * endpoint requires a signed-in caller, so only the suite's own background work runs anonymous.
 */
@ApplicationScoped
public class OrgScope {

    private final Instance<SecurityIdentity> identity;

    public OrgScope(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public OrgAccess access() {
        if (!Arc.container().requestContext().isActive()) {
            return OrgAccess.EVERY_ORG;
        }
        SecurityIdentity caller = identity.get();
        OrgAccess access = caller.isAnonymous() ? null : caller.getAttribute(OrgAccess.ATTRIBUTE);
        return access == null ? OrgAccess.EVERY_ORG : access;
    }

    public boolean everyOrg() {
        return access().everyOrg();
    }

    public boolean allows(UUID connectionId) {
        return access().allows(connectionId);
    }

    /** The connection ids the caller is limited to; empty when it may touch every org. */
    public Optional<Set<UUID>> limitedTo() {
        return access().connections();
    }

    /** Throws the same 404 a missing row gets when the row belongs to an org the caller may not touch. */
    public void requireVisible(UUID connectionId, String what, Object id) {
        if (!allows(connectionId)) {
            throw ApiProblem.notFound(what, id);
        }
    }
}
