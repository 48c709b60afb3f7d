package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.AlertDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertDeliveryRepository implements PanacheRepositoryBase<AlertDelivery, Long> {

    public List<Long> dueIds(Instant now, int limit) {
        return getEntityManager().createQuery("select d.id from AlertDelivery d where d.status = :pending"
                + " and d.nextAttemptAt <= :now order by d.nextAttemptAt", Long.class)
                .setParameter("pending", AlertDelivery.PENDING).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    public List<AlertDelivery> newestFirst(UUID policyId, int limit) {
        Sort newest = Sort.by("id", Sort.Direction.Descending);
        return (policyId == null ? findAll(newest) : find("policyId", newest, policyId)).page(Page.ofSize(limit)).list();
    }
}
