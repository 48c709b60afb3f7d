package dev.sfbackup.session.restore.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.restore.RestoreMode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.session.restore.ObjectSelection;
import dev.sfbackup.session.restore.RestoreJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** restore_job, restore_selection and restore_lease: a restore's request, what it selects of each object, its leases. */
@ApplicationScoped
public class RestoreJobs {

    private final EntityManager entities;
    private final ObjectMapper json;

    public RestoreJobs(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    /** A lease on a restore point held by a restore. */
    public record Lease(UUID restorePointId, UUID leaseId) {
    }

    @Transactional
    public void insert(RestoreJob job, RestoreRequest request, Instant at) {
        entities.createNativeQuery("""
                insert into restore_job (run_id, policy_id, target_connection_id, restore_point_id, as_of, mode, dry_run, request, created_at)
                values (:run, :policy, :target, :point, :asOf, :mode, :dryRun, :request, :at)
                """).setParameter("run", job.runId()).setParameter("policy", job.policyId())
                .setParameter("target", job.targetConnectionId()).setParameter("point", job.restorePointId())
                .setParameter("asOf", Timestamp.from(job.asOf())).setParameter("mode", job.mode().name())
                .setParameter("dryRun", job.dryRun()).setParameter("request", write(request))
                .setParameter("at", Timestamp.from(at)).executeUpdate();
    }

    /** The restore's run belongs to the org it writes into (its sessions are scoped to it). */
    @Transactional
    public void retarget(UUID runId, UUID targetConnectionId) {
        entities.createNativeQuery("update run set connection_id = :target where id = :run")
                .setParameter("target", targetConnectionId).setParameter("run", runId).executeUpdate();
    }

    /** The newest restores (at most 100), of one policy when policyId is not null, of these orgs when limited. */
    @Transactional
    public List<UUID> newest(UUID policyId, Optional<Set<UUID>> connections) {
        StringBuilder sql = new StringBuilder("select j.run_id from restore_job j join run r on r.id = j.run_id where 1 = 1");
        if (policyId != null) {
            sql.append(" and j.policy_id = :policy");
        }
        if (connections.isPresent()) {
            sql.append(" and r.connection_id in (:connections)");
        }
        sql.append(" order by r.started_at desc limit 100");
        var query = entities.createNativeQuery(sql.toString());
        if (policyId != null) {
            query.setParameter("policy", policyId);
        }
        if (connections.isPresent()) {
            if (connections.get().isEmpty()) {
                return List.of();
            }
            query.setParameter("connections", connections.get());
        }
        return query.getResultList().stream().map(UUID.class::cast).toList();
    }

    @Transactional
    public Optional<RestoreJob> find(UUID runId) {
        List<?> rows = entities.createNativeQuery("""
                select policy_id, target_connection_id, restore_point_id, as_of, mode, dry_run, request
                from restore_job where run_id = :run
                """).setParameter("run", runId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        RestoreRequest request = read((String) row[6], RestoreRequest.class);
        RestoreRequest.Target target = request.target();
        return Optional.of(new RestoreJob(runId, (UUID) row[0], (UUID) row[1], (UUID) row[2], instant(row[3]),
                RestoreMode.valueOf((String) row[4]), (Boolean) row[5], target == null ? null : target.fieldMapping(),
                target == null ? null : target.defaultOwnerId()));
    }

    /** The request as it was accepted. */
    @Transactional
    public Optional<RestoreRequest> request(UUID runId) {
        List<?> rows = entities.createNativeQuery("select request from restore_job where run_id = :run")
                .setParameter("run", runId).getResultList();
        return rows.stream().findFirst().map(row -> read((String) row, RestoreRequest.class));
    }

    @Transactional
    public void select(UUID runId, List<ObjectSelection> selections) {
        for (ObjectSelection selection : selections) {
            entities.createNativeQuery("insert into restore_selection (run_id, object_name, selection) values (:run, :object, :selection)")
                    .setParameter("run", runId).setParameter("object", selection.object())
                    .setParameter("selection", write(selection)).executeUpdate();
        }
    }

    /** Every object selection of the restore (a task reaches other objects' records through hierarchy links). */
    @Transactional
    public List<ObjectSelection> selections(UUID runId) {
        return entities.createNativeQuery("select selection from restore_selection where run_id = :run")
                .setParameter("run", runId).getResultList().stream()
                .map(row -> read((String) row, ObjectSelection.class)).toList();
    }

    @Transactional
    public void leased(UUID runId, Lease lease) {
        entities.createNativeQuery("""
                insert into restore_lease (run_id, restore_point_id, lease_id) values (:run, :point, :lease)
                on conflict do nothing
                """).setParameter("run", runId).setParameter("point", lease.restorePointId())
                .setParameter("lease", lease.leaseId()).executeUpdate();
    }

    @Transactional
    public List<Lease> leases(UUID runId) {
        List<?> rows = entities.createNativeQuery("select restore_point_id, lease_id from restore_lease where run_id = :run")
                .setParameter("run", runId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Lease((UUID) row[0], (UUID) row[1])).toList();
    }

    @Transactional
    public void released(UUID runId, UUID restorePointId) {
        entities.createNativeQuery("delete from restore_lease where run_id = :run and restore_point_id = :point")
                .setParameter("run", runId).setParameter("point", restorePointId).executeUpdate();
    }

    /** Undoes {@link #insert}, {@link #select} and {@link #leased} of a restore whose plan could not be stored. */
    @Transactional
    public void forget(UUID runId) {
        for (String table : List.of("restore_lease", "restore_selection", "restore_job")) {
            entities.createNativeQuery("delete from " + table + " where run_id = :run").setParameter("run", runId).executeUpdate();
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
