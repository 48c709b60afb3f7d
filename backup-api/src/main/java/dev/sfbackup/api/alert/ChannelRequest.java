package dev.sfbackup.api.alert;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A notification channel as an admin creates or replaces it. WEBHOOK needs {@code url} (http or https); with
 * {@code slackFormat} the body is Slack's {@code {"text": ...}} instead of the alert's own JSON. EMAIL needs
 * {@code recipients}. {@code enabled} defaults to true.
 */
@RegisterForReflection
public record ChannelRequest(String name, ChannelType type, String url, Boolean slackFormat, List<String> recipients,
        Boolean enabled) {
}
