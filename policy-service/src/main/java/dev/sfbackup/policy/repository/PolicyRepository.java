package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.Policy;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<Policy, UUID> {

    public List<Policy> listByName() {
        return listAll(Sort.by("name"));
    }

    public List<Policy> listScheduledAndEnabled() {
        return list("enabled = true and scheduleCron is not null");
    }

    public boolean nameTakenByOther(String name, UUID exceptId) {
        return count("lower(name) = lower(?1) and id <> ?2", name, exceptId) > 0;
    }

    public long countByConnection(UUID connectionId) {
        return count("connectionId", connectionId);
    }
}
