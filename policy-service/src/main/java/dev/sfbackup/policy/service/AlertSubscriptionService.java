package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.alert.AlertSubscription;
import dev.sfbackup.policy.Policy;
import dev.sfbackup.policy.PolicyAlertSubscription;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import dev.sfbackup.policy.repository.PolicyAlertSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Which channels hear about a policy and for which outcomes; scoped like the policy itself. */
@ApplicationScoped
public class AlertSubscriptionService {

    private final PolicyService policies;
    private final PolicyAlertSubscriptionRepository subscriptions;
    private final NotificationChannelRepository channels;

    public AlertSubscriptionService(PolicyService policies, PolicyAlertSubscriptionRepository subscriptions,
            NotificationChannelRepository channels) {
        this.policies = policies;
        this.subscriptions = subscriptions;
        this.channels = channels;
    }

    @Transactional
    public AlertSubscription get(UUID policyId) {
        Policy policy = policies.find(policyId);
        return subscriptions.findByIdOptional(policy.id).map(PolicyAlertSubscription::toView)
                .orElseGet(PolicyAlertSubscription::none);
    }

    /** Replaces the subscription; empty channel ids switch the policy's alerts off. */
    @Transactional
    public AlertSubscription replace(UUID policyId, AlertSubscription request) {
        Policy policy = policies.find(policyId);
        check(request);
        PolicyAlertSubscription subscription = subscriptions.findByIdOptional(policy.id).orElse(null);
        boolean created = subscription == null;
        if (created) {
            subscription = new PolicyAlertSubscription();
            subscription.policyId = policy.id;
        }
        subscription.channelIds = new HashSet<>(request.channelIds()).stream().sorted().toList();
        subscription.outcomes = new HashSet<>(request.outcomes()).stream().sorted().toList();
        if (created) {
            subscriptions.persist(subscription);
        }
        return subscription.toView();
    }

    private void check(AlertSubscription request) {
        FieldErrors errors = new FieldErrors();
        if (request == null || request.channelIds() == null) {
            errors.add("channelIds", "required: ids of notification channels (an empty list switches alerts off)");
        } else {
            for (int i = 0; i < request.channelIds().size(); i++) {
                UUID id = request.channelIds().get(i);
                if (id == null || channels.findByIdOptional(id).isEmpty()) {
                    errors.add("channelIds[" + i + "]", "no notification channel " + id + "; see GET /api/v1/channels");
                }
            }
        }
        if (request == null || request.outcomes() == null || request.outcomes().contains(null)) {
            errors.add("outcomes", "required: a list of " + List.of(AlertOutcome.values()));
        }
        errors.throwIfAny();
    }
}
