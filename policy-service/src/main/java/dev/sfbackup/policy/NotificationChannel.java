package dev.sfbackup.policy;

import dev.sfbackup.api.alert.ChannelType;
import dev.sfbackup.api.alert.ChannelView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where alerts go: a webhook URL (sealed at rest) or email recipients. */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChannelType type;
    /** Only in rows written before URLs were sealed, until startup seals them. */
    public String url;
    /** The webhook URL, sealed (see WebhookUrls). */
    @Column(name = "url_sealed")
    public String urlSealed;
    @Column(name = "slack_format")
    public boolean slackFormat;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recipients;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;

    /** maskedUrl: the URL as admins may see it (the secret part hidden). */
    public ChannelView toView(String maskedUrl) {
        return new ChannelView(id, name, type, maskedUrl, slackFormat, List.copyOf(recipients), enabled, createdAt);
    }
}
