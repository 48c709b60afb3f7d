package dev.sfbackup.policy;

import dev.sfbackup.api.alert.AlertOutcome;
import dev.sfbackup.api.alert.AlertSubscription;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Which channels hear about a policy, and for which outcomes; a policy without one alerts nobody. */
@Entity
@Table(name = "policy_alert_subscription")
public class PolicyAlertSubscription {

    @Id
    @Column(name = "policy_id")
    public UUID policyId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "channel_ids")
    public List<UUID> channelIds;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AlertOutcome> outcomes;

    public AlertSubscription toView() {
        return new AlertSubscription(List.copyOf(channelIds), List.copyOf(outcomes));
    }

    public static AlertSubscription none() {
        return new AlertSubscription(List.of(), List.of());
    }
}
