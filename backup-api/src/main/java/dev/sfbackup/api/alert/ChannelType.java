package dev.sfbackup.api.alert;

/** How a notification channel delivers: an HTTP POST of JSON, or an email through the configured SMTP server. */
public enum ChannelType {
    WEBHOOK, EMAIL
}
