package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.PolicyHistory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PolicyHistoryRepository implements PanacheRepositoryBase<PolicyHistory, Long> {

    public List<PolicyHistory> listOldestFirst(UUID policyId) {
        return list("policyId", Sort.by("id"), policyId);
    }
}
