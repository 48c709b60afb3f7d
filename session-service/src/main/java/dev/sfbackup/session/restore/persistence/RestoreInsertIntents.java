package dev.sfbackup.session.restore.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The records a restore is about to create, stored before the create is sent: a kill between Salesforce's answer and
 * the id map leaves the intent behind, and the next attempt looks for those records in the org instead of creating
 * them twice. {@link RestoreIdMap#recreated} removes the intents of an answered create with its id map rows.
 */
@ApplicationScoped
public class RestoreInsertIntents {

    private final EntityManager entities;

    public RestoreInsertIntents(EntityManager entities) {
        this.entities = entities;
    }

    /** Committed before the create is sent (its own transaction). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sending(UUID policyId, UUID targetConnectionId, String object, Collection<String> backupIds, UUID runId, Instant at) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into restore_insert_intent (policy_id, target_connection_id, backup_id, object_name, run_id, sent_at)
                    select ?, ?, id, ?, ?, ? from unnest(?::varchar[]) as id
                    on conflict (policy_id, target_connection_id, backup_id) do update set run_id = excluded.run_id
                    """)) {
                insert.setObject(1, policyId);
                insert.setObject(2, targetConnectionId);
                insert.setString(3, object);
                insert.setObject(4, runId);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setArray(6, connection.createArrayOf("varchar", backupIds.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * The intents left of these backup ids and when each was first sent: a create that may have reached the org. A
     * resent intent keeps its first time, so the search covers every attempt.
     */
    @Transactional
    public Map<String, Instant> left(UUID policyId, UUID targetConnectionId, Collection<String> backupIds) {
        return ByBackupId.select(entities, "restore_insert_intent", "sent_at", (row, index) -> row.getTimestamp(index).toInstant(),
                policyId, targetConnectionId, backupIds);
    }
}
