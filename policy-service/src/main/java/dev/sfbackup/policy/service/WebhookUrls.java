package dev.sfbackup.policy.service;

import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Webhook URLs at rest: sealed with the encryption key (bound to their channel), opened only to send, and shown masked:
 * scheme, host and port, the path replaced by {@value #MASK}, so the secret a URL carries never leaves the service.
 */
@ApplicationScoped
public class WebhookUrls {

    static final String MASK = "***";
    private static final Logger LOG = Logger.getLogger(WebhookUrls.class);

    private final SecretBox secretBox;
    private final NotificationChannelRepository channels;

    public WebhookUrls(SecretBox secretBox, NotificationChannelRepository channels) {
        this.secretBox = secretBox;
        this.channels = channels;
    }

    /** Channels written before URLs were sealed get theirs sealed now. */
    void sealPlaintextAtStartup(@Observes StartupEvent started) {
        int sealed = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (NotificationChannel channel : channels.list("url is not null")) {
                channel.urlSealed = seal(channel.id, channel.url);
                channel.url = null;
                count++;
            }
            return count;
        });
        if (sealed > 0) {
            LOG.infof("sealed the webhook URLs of %d notification channel(s) stored in plaintext", sealed);
        }
    }

    public String seal(UUID channelId, String url) {
        return secretBox.seal(url, owner(channelId));
    }

    public String open(NotificationChannel channel) {
        return secretBox.open(channel.urlSealed, owner(channel.id));
    }

    /** What admins see of a channel's URL; null for a channel without one. */
    public String masked(NotificationChannel channel) {
        if (channel.urlSealed == null) {
            return null;
        }
        try {
            return mask(open(channel));
        } catch (IllegalStateException | IllegalArgumentException unopenable) {
            return MASK; // sealed with a key this instance does not hold: the channel is still listed
        }
    }

    static String mask(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1) + "/" + MASK;
    }

    /** Binds a sealed URL to its channel: a sealed value copied to another row does not open. */
    static String owner(UUID channelId) {
        return "notification_channel:" + channelId + ":url";
    }
}
