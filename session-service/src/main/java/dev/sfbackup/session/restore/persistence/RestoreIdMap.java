package dev.sfbackup.session.restore.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Records recreated under a new id, per backed-up policy and target org (backup id → target id). Salesforce ids are
 * unique across objects, so one map serves every object and every lookup.
 */
@ApplicationScoped
public class RestoreIdMap {

    private final EntityManager entities;

    public RestoreIdMap(EntityManager entities) {
        this.entities = entities;
    }

    /** The new ids of those backup ids that were recreated in the target org. */
    @Transactional
    public Map<String, String> targets(UUID policyId, UUID targetConnectionId, Collection<String> backupIds) {
        return ByBackupId.select(entities, "restore_id_map", "target_id", ResultSet::getString, policyId, targetConnectionId, backupIds);
    }

    /** The target ids of the records of this object restores recreated in the target org. */
    @Transactional
    public Set<String> mappedTargets(UUID policyId, UUID targetConnectionId, String object) {
        Set<String> found = new HashSet<>();
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select target_id from restore_id_map where policy_id = ? and target_connection_id = ? and object_name = ?
                    """)) {
                select.setObject(1, policyId);
                select.setObject(2, targetConnectionId);
                select.setString(3, object);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
            }
        });
        return found;
    }

    /** Written as soon as Salesforce answers the create, so a re-run (or a resumed task) never creates it again. */
    @Transactional
    public void recreated(UUID policyId, UUID targetConnectionId, String object, Map<String, String> targetByBackupId,
            UUID runId, Instant at) {
        recreated(policyId, targetConnectionId, object, targetByBackupId, runId, at, List.of());
    }

    /**
     * Written as soon as Salesforce answers the create, so a re-run (or a resumed task) never creates it again; the
     * insert intents of the ids {@code sent} go in the same transaction (see {@link RestoreInsertIntents}).
     */
    @Transactional
    public void recreated(UUID policyId, UUID targetConnectionId, String object, Map<String, String> targetByBackupId,
            UUID runId, Instant at, Collection<String> sent) {
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from restore_insert_intent i using unnest(?::varchar[]) as sent(id)
                    where i.backup_id = sent.id and i.policy_id = ? and i.target_connection_id = ?
                    """)) {
                delete.setArray(1, connection.createArrayOf("varchar", sent.toArray()));
                delete.setObject(2, policyId);
                delete.setObject(3, targetConnectionId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into restore_id_map (policy_id, target_connection_id, backup_id, object_name, target_id, run_id, created_at)
                    select ?, ?, created.backup_id, ?, created.target_id, ?, ?
                    from unnest(?::varchar[], ?::varchar[]) as created(backup_id, target_id)
                    on conflict (policy_id, target_connection_id, backup_id)
                    do update set target_id = excluded.target_id, run_id = excluded.run_id, created_at = excluded.created_at
                    """)) {
                insert.setObject(1, policyId);
                insert.setObject(2, targetConnectionId);
                insert.setString(3, object);
                insert.setObject(4, runId);
                insert.setTimestamp(5, Timestamp.from(at));
                insert.setArray(6, connection.createArrayOf("varchar", targetByBackupId.keySet().toArray()));
                insert.setArray(7, connection.createArrayOf("varchar", targetByBackupId.values().toArray()));
                insert.executeUpdate();
            }
        });
    }
}
