package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.ChannelRequest;
import dev.sfbackup.api.alert.ChannelType;
import dev.sfbackup.api.alert.ChannelView;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.repository.NotificationChannelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Notification channels: webhooks and email recipient lists that policies send their alerts to. */
@ApplicationScoped
public class ChannelService {

    private final NotificationChannelRepository channels;
    private final WebhookUrls urls;
    private final Clock clock;

    public ChannelService(NotificationChannelRepository channels, WebhookUrls urls, Clock clock) {
        this.channels = channels;
        this.urls = urls;
        this.clock = clock;
    }

    @Transactional
    public ChannelView create(ChannelRequest request) {
        ChannelValidator.check(request);
        requireFreeName(request.name(), null);
        NotificationChannel channel = new NotificationChannel();
        channel.id = UUID.randomUUID();
        channel.createdAt = clock.instant();
        apply(request, channel);
        channels.persist(channel);
        return view(channel);
    }

    @Transactional
    public List<ChannelView> list() {
        return channels.listByName().stream().map(this::view).toList();
    }

    @Transactional
    public ChannelView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public ChannelView update(UUID id, ChannelRequest request) {
        NotificationChannel channel = find(id);
        ChannelValidator.check(request);
        requireFreeName(request.name(), id);
        apply(request, channel);
        return view(channel);
    }

    /** Deleting a channel also drops its pending deliveries; subscriptions naming it simply skip it. */
    @Transactional
    public void delete(UUID id) {
        channels.delete(find(id));
    }

    private NotificationChannel find(UUID id) {
        return channels.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("channel", id));
    }

    private void requireFreeName(String name, UUID exceptId) {
        if (channels.nameTakenByOther(name, exceptId == null ? new UUID(0, 0) : exceptId)) {
            throw ApiProblem.conflict("name", "a channel named '" + name + "' exists already; channel names are unique");
        }
    }

    private ChannelView view(NotificationChannel channel) {
        return channel.toView(urls.masked(channel));
    }

    /** A webhook's URL as given, or unchanged when the request sends back the masked URL it was shown. */
    private void apply(ChannelRequest request, NotificationChannel channel) {
        channel.name = request.name().strip();
        channel.type = request.type();
        boolean unchangedUrl = channel.urlSealed != null && request.url() != null && request.url().equals(urls.masked(channel));
        if (request.type() != ChannelType.WEBHOOK) {
            channel.urlSealed = null;
        } else if (!unchangedUrl) {
            channel.urlSealed = urls.seal(channel.id, request.url());
        }
        channel.url = null;
        channel.slackFormat = Boolean.TRUE.equals(request.slackFormat());
        channel.recipients = request.type() == ChannelType.EMAIL ? List.copyOf(request.recipients()) : List.of();
        channel.enabled = request.enabled() == null || request.enabled();
    }
}
