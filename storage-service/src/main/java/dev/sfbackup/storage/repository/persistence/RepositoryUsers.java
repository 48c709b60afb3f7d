package dev.sfbackup.storage.repository.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who refers to a repository: the policies policy-service registered, and the committed restore points in it. */
@ApplicationScoped
public class RepositoryUsers {

    private final EntityManager entities;

    public RepositoryUsers(EntityManager entities) {
        this.entities = entities;
    }

    public void register(UUID repositoryId, UUID policyId, Instant now) {
        entities.createNativeQuery("INSERT INTO repository_user (repository_id, policy_id, registered_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT DO NOTHING").setParameter(1, repositoryId).setParameter(2, policyId).setParameter(3, now)
                .executeUpdate();
    }

    public void release(UUID repositoryId, UUID policyId) {
        entities.createNativeQuery("DELETE FROM repository_user WHERE repository_id = ?1 AND policy_id = ?2")
                .setParameter(1, repositoryId).setParameter(2, policyId).executeUpdate();
    }

    /** The policies using the repository, at most {@code limit} of them (enough to name in a message). */
    @SuppressWarnings("unchecked")
    public List<UUID> policies(UUID repositoryId, int limit) {
        return entities.createNativeQuery("SELECT policy_id FROM repository_user WHERE repository_id = ?1 ORDER BY registered_at",
                UUID.class).setParameter(1, repositoryId).setMaxResults(limit).getResultList();
    }

    public long committedPoints(UUID repositoryId) {
        return ((Number) entities.createNativeQuery("SELECT count(*) FROM restore_point WHERE repository_id = ?1 AND state = 'COMMITTED'")
                .setParameter(1, repositoryId).getSingleResult()).longValue();
    }
}
