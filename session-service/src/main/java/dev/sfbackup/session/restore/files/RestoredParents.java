package dev.sfbackup.session.restore.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records a restore run wrote or found as they were (its report lines that did not fail or skip), backup id →
 * the id they have in the target org: the parents its files are restored to.
 */
@ApplicationScoped
public class RestoredParents {

    private final EntityManager entities;

    public RestoredParents(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    public Map<String, String> of(UUID runId) {
        List<?> rows = entities.createNativeQuery("""
                select backup_id, coalesce(target_id, backup_id) from restore_report_line
                where run_id = :run and object_name not in ('ContentVersion', 'Attachment') and status <> 'FAILED' and action <> 'SKIP'
                """).setParameter("run", runId).getResultList();
        Map<String, String> parents = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            parents.put((String) columns[0], (String) columns[1]);
        }
        return parents;
    }
}
