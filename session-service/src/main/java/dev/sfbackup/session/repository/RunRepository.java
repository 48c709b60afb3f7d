package dev.sfbackup.session.repository;

import dev.sfbackup.session.Run;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class RunRepository implements PanacheRepositoryBase<Run, UUID> {

    public List<Run> listByPolicy(UUID policyId, Boolean active) {
        return listByPolicy(policyId, active, Optional.empty());
    }

    /** @param connections when present, only runs of these org connections */
    public List<Run> listByPolicy(UUID policyId, Boolean active, Optional<Set<UUID>> connections) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (connections.isPresent()) {
            query.append(" and connectionId in :connections");
            parameters.and("connections", connections.get());
        }
        if (policyId != null) {
            query.append(" and policyId = :policyId");
            parameters.and("policyId", policyId);
        }
        if (active != null) {
            query.append(active ? " and status in ('PENDING', 'RUNNING')" : " and status not in ('PENDING', 'RUNNING')");
        }
        return find(query.toString(), Sort.descending("startedAt"), parameters).page(0, 100).list();
    }

    public List<Run> active() {
        return list("status in ('PENDING', 'RUNNING')");
    }
}
