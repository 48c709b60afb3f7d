package dev.sfbackup.policy.service;

import dev.sfbackup.policy.AlertDelivery;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a channel sends for a delivery: a one-line subject, a text, and the fields of the webhook's JSON. */
record AlertMessage(String subject, String text, Map<String, Object> json) {

    static AlertMessage of(AlertDelivery delivery, String runLinkTemplate, String subjectPrefix) {
        String link = delivery.runId == null ? null : runLinkTemplate.replace("{runId}", delivery.runId.toString());
        String text = delivery.message + (link == null ? "" : "\nRun: " + link);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", delivery.outcome.name());
        json.put("policyId", delivery.policyId.toString());
        json.put("runId", delivery.runId == null ? null : delivery.runId.toString());
        json.put("message", delivery.message);
        json.put("link", link);
        json.put("at", delivery.createdAt.toString());
        String firstLine = delivery.message.lines().findFirst().orElse("");
        return new AlertMessage(subjectPrefix + " " + delivery.outcome + ": " + firstLine, text, json);
    }
}
