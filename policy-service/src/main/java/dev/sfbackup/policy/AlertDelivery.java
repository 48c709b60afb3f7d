package dev.sfbackup.policy;

import dev.sfbackup.api.alert.AlertDeliveryView;
import dev.sfbackup.api.alert.AlertOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One alert to one channel and how its delivery went. */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "channel_id")
    public UUID channelId;
    @Column(name = "policy_id")
    public UUID policyId;
    @Column(name = "run_id")
    public UUID runId;
    @Enumerated(EnumType.STRING)
    public AlertOutcome outcome;
    public String message;
    public String status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    public AlertDeliveryView toView() {
        return new AlertDeliveryView(id, channelId, policyId, runId, outcome, message, status, attempts, nextAttemptAt,
                lastError, createdAt, sentAt);
    }
}
