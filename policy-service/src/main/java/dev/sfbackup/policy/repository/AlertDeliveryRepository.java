package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.AlertDelivery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AlertDeliveryRepository implements PanacheRepositoryBase<AlertDelivery, Long> {

    /**
     * Claims up to limit due deliveries for this dispatcher: their next attempt moves to claimedUntil, so no other
     * policy-service instance sees them due meanwhile (rows another one is claiming right now are skipped, not waited
     * for). Recording the attempt sets the real next attempt; a dispatcher that died leaves them due again at claimedUntil.
     */
    public List<Long> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<?> ids = getEntityManager().createNativeQuery("""
                        update alert_delivery set next_attempt_at = ?1 where id in (
                            select id from alert_delivery where status = 'PENDING' and next_attempt_at <= ?2
                            order by next_attempt_at limit ?3 for update skip locked)
                        returning id""")
                .setParameter(1, claimedUntil).setParameter(2, now).setParameter(3, limit).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).sorted().toList();
    }

    /** Queues a pending delivery unless one with the same channel and event key exists; answers whether it queued. */
    public boolean queueOnce(AlertDelivery delivery, String eventKey) {
        return getEntityManager().createNativeQuery("""
                        insert into alert_delivery (channel_id, policy_id, run_id, outcome, message, status, attempts,
                                                    next_attempt_at, created_at, event_key)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?9) on conflict do nothing""")
                .setParameter(1, delivery.channelId).setParameter(2, delivery.policyId).setParameter(3, new TypedParameterValue<>(StandardBasicTypes.UUID, delivery.runId))
                .setParameter(4, delivery.outcome.name()).setParameter(5, delivery.message).setParameter(6, delivery.status)
                .setParameter(7, delivery.nextAttemptAt).setParameter(8, delivery.createdAt).setParameter(9, new TypedParameterValue<>(StandardBasicTypes.STRING, eventKey))
                .executeUpdate() == 1;
    }

    public List<AlertDelivery> newestFirst(UUID policyId, int limit) {
        Sort newest = Sort.by("id", Sort.Direction.Descending);
        return (policyId == null ? findAll(newest) : find("policyId", newest, policyId)).page(Page.ofSize(limit)).list();
    }
}
