package dev.sfbackup.policy.service;

import dev.sfbackup.api.alert.ChannelRequest;
import dev.sfbackup.api.alert.ChannelType;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a notification channel request; every rejected field is named in one 400. */
final class ChannelValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 200;
    private static final int MAX_RECIPIENTS = 50;

    private ChannelValidator() {
    }

    static void check(ChannelRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            errors.add("body", "a channel is required: name, type (WEBHOOK or EMAIL), url or recipients");
            errors.throwIfAny();
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME) {
            errors.add("name", "required, 1 to " + MAX_NAME + " characters");
        }
        if (request.type() == null) {
            errors.add("type", "required: WEBHOOK or EMAIL");
        } else if (request.type() == ChannelType.WEBHOOK) {
            checkWebhook(request, errors);
        } else {
            checkEmail(request, errors);
        }
        errors.throwIfAny();
    }

    private static void checkWebhook(ChannelRequest request, FieldErrors errors) {
        if (!isHttpUrl(request.url())) {
            errors.add("url", "required for WEBHOOK: an absolute http or https URL");
        }
        if (request.recipients() != null && !request.recipients().isEmpty()) {
            errors.add("recipients", "only for EMAIL channels; a WEBHOOK channel has a url");
        }
    }

    private static void checkEmail(ChannelRequest request, FieldErrors errors) {
        List<String> recipients = request.recipients();
        if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            errors.add("recipients", "required for EMAIL: 1 to " + MAX_RECIPIENTS + " addresses");
        } else {
            for (int i = 0; i < recipients.size(); i++) {
                if (recipients.get(i) == null || !EMAIL.matcher(recipients.get(i)).matches()) {
                    errors.add("recipients[" + i + "]", "not an email address (name@domain)");
                }
            }
        }
        if (request.url() != null) {
            errors.add("url", "only for WEBHOOK channels; an EMAIL channel has recipients");
        }
        if (Boolean.TRUE.equals(request.slackFormat())) {
            errors.add("slackFormat", "only for WEBHOOK channels");
        }
    }

    private static boolean isHttpUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
