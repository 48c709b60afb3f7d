package dev.sfbackup.session.backup.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The metadata packages (describes as JSON) a METADATA session's describe tasks read, kept until the session's
 * restore-point task stores them together.
 */
@ApplicationScoped
public class MetadataPackages {

    private static final String STAGE = """
            insert into backup_metadata_package (session_id, name, body, staged_at) values (:session, :name, :body, :at)
            on conflict (session_id, name) do update set body = excluded.body, staged_at = excluded.staged_at
            """;

    private static final String FORGET_FINISHED = """
            delete from backup_metadata_package p using session s
            where s.id = p.session_id and s.status not in ('PENDING', 'RUNNING')
            """;

    private final EntityManager em;

    public MetadataPackages(EntityManager em) {
        this.em = em;
    }

    /** Keeps the package (a describe read again by a resumed task replaces the earlier one). */
    @Transactional
    public void stage(UUID sessionId, String name, byte[] body, Instant at) {
        em.createNativeQuery(STAGE).setParameter("session", sessionId).setParameter("name", name).setParameter("body", body)
                .setParameter("at", at).executeUpdate();
    }

    /** The names of the session's packages in name order (describeGlobal.json before sobjects/…). */
    @Transactional
    public List<String> names(UUID sessionId) {
        return em.createNativeQuery("select name from backup_metadata_package where session_id = :session order by name",
                String.class).setParameter("session", sessionId).getResultList();
    }

    /** One package's body, read when it is stored so that only one is in memory at a time. */
    @Transactional
    public byte[] body(UUID sessionId, String name) {
        return (byte[]) em.createNativeQuery("select body from backup_metadata_package where session_id = :session and name = :name")
                .setParameter("session", sessionId).setParameter("name", name).getSingleResult();
    }

    @Transactional
    public void forget(UUID sessionId) {
        em.createNativeQuery("delete from backup_metadata_package where session_id = :session").setParameter("session", sessionId)
                .executeUpdate();
    }

    /** Drops what sessions that ended before storing their packages (stopped, failed) left behind. */
    @Transactional
    public void forgetFinishedSessions() {
        em.createNativeQuery(FORGET_FINISHED).executeUpdate();
    }
}
