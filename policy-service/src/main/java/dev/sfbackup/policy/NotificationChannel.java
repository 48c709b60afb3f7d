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

/** Where alerts go: a webhook URL or email recipients. */
@Entity
@Table(name = "notification_channel")
public class NotificationChannel {

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChannelType type;
    public String url;
    @Column(name = "slack_format")
    public boolean slackFormat;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recipients;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;

    public ChannelView toView() {
        return new ChannelView(id, name, type, url, slackFormat, List.copyOf(recipients), enabled, createdAt);
    }
}
