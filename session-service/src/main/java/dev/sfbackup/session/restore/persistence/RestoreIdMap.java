package dev.sfbackup.session.restore.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        Map<String, String> found = new HashMap<>();
        if (backupIds.isEmpty()) {
            return found;
        }
        List<?> rows = entities.createNativeQuery("""
                select backup_id, target_id from restore_id_map
                where policy_id = :policy and target_connection_id = :target and backup_id in (:ids)
                """).setParameter("policy", policyId).setParameter("target", targetConnectionId)
                .setParameter("ids", backupIds).getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            found.put((String) columns[0], (String) columns[1]);
        }
        return found;
    }

    /** Written as soon as Salesforce answers the create, so a re-run (or a resumed task) never creates it again. */
    @Transactional
    public void recreated(UUID policyId, UUID targetConnectionId, String object, Map<String, String> targetByBackupId,
            UUID runId, Instant at) {
        for (Map.Entry<String, String> entry : targetByBackupId.entrySet()) {
            entities.createNativeQuery("""
                    insert into restore_id_map (policy_id, target_connection_id, backup_id, object_name, target_id, run_id, created_at)
                    values (:policy, :target, :backupId, :object, :targetId, :run, :at)
                    on conflict (policy_id, target_connection_id, backup_id)
                    do update set target_id = excluded.target_id, run_id = excluded.run_id, created_at = excluded.created_at
                    """).setParameter("policy", policyId).setParameter("target", targetConnectionId)
                    .setParameter("backupId", entry.getKey()).setParameter("object", object)
                    .setParameter("targetId", entry.getValue()).setParameter("run", runId)
                    .setParameter("at", Timestamp.from(at)).executeUpdate();
        }
    }
}
