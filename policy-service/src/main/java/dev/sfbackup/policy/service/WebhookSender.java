package dev.sfbackup.policy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.policy.NotificationChannel;
import dev.sfbackup.policy.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** POSTs an alert as JSON: the alert's own fields, or Slack's {"text": ...} for a channel in Slack format. */
@ApplicationScoped
class WebhookSender {

    private final HttpClient http;
    private final ObjectMapper json;
    private final BackupConfig config;
    private final WebhookUrls urls;

    WebhookSender(ObjectMapper json, BackupConfig config, WebhookUrls urls) {
        this.json = json;
        this.config = config;
        this.urls = urls;
        this.http = HttpClient.newBuilder().connectTimeout(config.alerts().sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(NotificationChannel channel, AlertMessage message) throws IOException, InterruptedException {
        Object body = channel.slackFormat ? Map.of("text", message.subject() + "\n" + message.text()) : message.json();
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.open(channel))).timeout(config.alerts().sendTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + response.statusCode());
        }
    }

    private String write(Object body) throws JsonProcessingException {
        return json.writeValueAsString(body);
    }
}
