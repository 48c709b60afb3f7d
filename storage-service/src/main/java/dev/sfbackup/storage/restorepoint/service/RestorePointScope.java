package dev.sfbackup.storage.restorepoint.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.security.OrgScope;
import dev.sfbackup.storage.restorepoint.repository.PointConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps a caller limited to some orgs to the restore points, records and files of those orgs: anything else answers
 * 404, exactly as if it did not exist. Callers of every org pass without a query.
 */
@ApplicationScoped
public class RestorePointScope {

    private final OrgScope scope;
    private final PointConnections connections;

    public RestorePointScope(OrgScope scope, PointConnections connections) {
        this.scope = scope;
        this.connections = connections;
    }

    /** The connections to filter lists by; empty for a caller of every org. */
    public Optional<Set<UUID>> limitedTo() {
        return scope.limitedTo();
    }

    public void requirePoint(UUID pointId) throws SQLException {
        Optional<Set<UUID>> allowed = scope.limitedTo();
        if (allowed.isPresent() && !connections.pointWithin(pointId, allowed.get())) {
            throw ApiProblem.notFound("restore point", pointId);
        }
    }

    /** A reference that may be a point id or an instant: only an id names something to hide. */
    public void requireReference(String reference) throws SQLException {
        try {
            requirePoint(UUID.fromString(reference));
        } catch (IllegalArgumentException notAnId) {
            // an instant: the policy it is read in is checked once resolved
        }
    }

    public void requirePolicy(UUID policyId) throws SQLException {
        Optional<Set<UUID>> allowed = scope.limitedTo();
        if (policyId != null && allowed.isPresent() && !connections.policyWithin(policyId, allowed.get())) {
            throw ApiProblem.notFound("policy", policyId);
        }
    }

    public boolean allowsPolicy(UUID policyId) throws SQLException {
        Optional<Set<UUID>> allowed = scope.limitedTo();
        return allowed.isEmpty() || connections.policyWithin(policyId, allowed.get());
    }

    public void requireFile(UUID fileId) throws SQLException {
        Optional<Set<UUID>> allowed = scope.limitedTo();
        if (allowed.isPresent() && !connections.fileWithin(fileId, allowed.get())) {
            throw ApiProblem.notFound("file", fileId);
        }
    }
}
