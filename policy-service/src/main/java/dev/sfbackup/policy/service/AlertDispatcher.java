package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.ChannelType;
import dev.sfbackup.policy.AlertDelivery;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.config.BackupConfig;
import dev.sfbackup.policy.repository.AlertDeliveryRepository;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, one at a time and outside any transaction; a failed attempt waits firstRetryAfter, doubling
 * each time, and after maxAttempts the delivery ends FAILED with the last error. Times come from the injected clock.
 * Several policy-service instances may dispatch over one database: each claims its due deliveries first (see
 * {@link AlertDeliveryRepository#claimDue}), so a delivery is sent by one of them only.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final int BATCH = 50;

    private final AlertDeliveryRepository deliveries;
    private final NotificationChannelRepository channels;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final BackupConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public AlertDispatcher(AlertDeliveryRepository deliveries, NotificationChannelRepository channels,
            WebhookSender webhooks, EmailSender emails, BackupConfig config, MeterRegistry metrics, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.webhooks = webhooks;
        this.emails = emails;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${backup.alerts.deliver-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        deliverDue();
    }

    /** Attempts every delivery due by the clock; answers how many were attempted. */
    public synchronized int deliverDue() {
        Instant now = clock.instant();
        Instant claimedUntil = now.plus(config.alerts().claimFor());
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(now, claimedUntil, BATCH));
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(long id) {
        AlertDelivery delivery = QuarkusTransaction.requiringNew().call(() -> deliveries.findById(id));
        NotificationChannel channel = QuarkusTransaction.requiringNew().call(() -> channels.findById(delivery.channelId));
        if (channel == null) {
            return;
        }
        String error = send(channel, delivery);
        QuarkusTransaction.requiringNew().run(() -> record(id, error));
        metrics.counter("backup.alerts.sent", "channel_type", channel.type.name(), "outcome", delivery.outcome.name(),
                "result", error == null ? "sent" : "failed").increment();
    }

    /** Null when the channel took the alert, else why not. */
    private String send(NotificationChannel channel, AlertDelivery delivery) {
        AlertMessage message = AlertMessage.of(delivery, config.alerts().runLink(), config.alerts().subjectPrefix());
        try {
            if (channel.type == ChannelType.WEBHOOK) {
                webhooks.send(channel, message);
            } else {
                emails.send(channel, message);
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.warnf("alert %d to channel '%s' not delivered (attempt %d): %s", delivery.id, channel.name,
                    delivery.attempts + 1, reason);
            return reason;
        }
    }

    private void record(long id, String error) {
        AlertDelivery delivery = deliveries.findById(id);
        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastError = error;
        if (error == null) {
            delivery.status = AlertDelivery.SENT;
            delivery.sentAt = now;
        } else if (delivery.attempts >= config.alerts().maxAttempts()) {
            delivery.status = AlertDelivery.FAILED;
        } else {
            Duration wait = config.alerts().firstRetryAfter().multipliedBy(1L << (delivery.attempts - 1));
            delivery.nextAttemptAt = now.plus(wait);
        }
    }
}
