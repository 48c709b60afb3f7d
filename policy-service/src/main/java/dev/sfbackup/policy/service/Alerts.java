package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.AlertDeliveryView;
import dev.sfbackup.api.alert.AlertEvent;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.AlertDelivery;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.Policy;
import dev.sfbackup.policy.PolicyAlertSubscription;
import dev.sfbackup.policy.repository.AlertDeliveryRepository;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import dev.sfbackup.policy.repository.PolicyAlertSubscriptionRepository;
import dev.sfbackup.policy.repository.PolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns something that happened to a policy into one pending delivery per subscribed, enabled channel; the
 * {@link AlertDispatcher} sends them. Raising never sends, so nothing a channel does can fail the caller's work.
 */
@ApplicationScoped
public class Alerts {

    private final PolicyRepository policies;
    private final PolicyAlertSubscriptionRepository subscriptions;
    private final NotificationChannelRepository channels;
    private final AlertDeliveryRepository deliveries;
    private final Clock clock;

    public Alerts(PolicyRepository policies, PolicyAlertSubscriptionRepository subscriptions,
            NotificationChannelRepository channels, AlertDeliveryRepository deliveries, Clock clock) {
        this.policies = policies;
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Answers how many deliveries were queued (0 when the policy does not subscribe to the event's outcome, or when
     * this occurrence was queued before). */
    @Transactional
    public int raise(AlertEvent event) {
        if (event == null || event.policyId() == null || event.outcome() == null || event.what() == null) {
            throw ApiProblem.badRequest("policyId", "an alert needs policyId, outcome and what");
        }
        Optional<Policy> policy = policies.findByIdOptional(event.policyId());
        Optional<PolicyAlertSubscription> subscription = subscriptions.findByIdOptional(event.policyId());
        if (policy.isEmpty() || subscription.isEmpty() || !subscription.get().outcomes.contains(event.outcome())) {
            return 0;
        }
        Instant now = clock.instant();
        String message = "Policy '" + policy.get().name + "': " + event.what();
        int queued = 0;
        for (var channelId : subscription.get().channelIds) {
            Optional<NotificationChannel> channel = channels.findByIdOptional(channelId).filter(c -> c.enabled);
            if (channel.isPresent() && deliveries.queueOnce(pending(event, channelId, message, now), occurrenceKey(event))) {
                queued++;
            }
        }
        return queued;
    }

    /** Names the occurrence so a second report of it is not sent again: the reporter's key, else the run and outcome. */
    private static String occurrenceKey(AlertEvent event) {
        if (event.key() != null && !event.key().isBlank()) {
            return event.outcome() + "/" + event.key();
        }
        return event.runId() == null ? null : event.outcome() + "/run/" + event.runId();
    }

    private static AlertDelivery pending(AlertEvent event, UUID channelId, String message, Instant now) {
        AlertDelivery delivery = new AlertDelivery();
        delivery.channelId = channelId;
        delivery.policyId = event.policyId();
        delivery.runId = event.runId();
        delivery.outcome = event.outcome();
        delivery.message = message;
        delivery.status = AlertDelivery.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    /** Deliveries newest first, of one policy or all; at most limit (1 to 1000). */
    @Transactional
    public List<AlertDeliveryView> recent(UUID policyId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.badRequest("limit", "1 to 1000, was " + limit);
        }
        return deliveries.newestFirst(policyId, limit).stream().map(AlertDelivery::toView).toList();
    }
}
