package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.PolicyAlertSubscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class PolicyAlertSubscriptionRepository implements PanacheRepositoryBase<PolicyAlertSubscription, UUID> {
}
