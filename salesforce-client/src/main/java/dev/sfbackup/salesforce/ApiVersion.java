package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An element of {@code GET /services/data/}: {@code {"label":"Winter '25","url":"/services/data/v62.0","version":"62.0"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiVersion(String label, String url, String version) {
}
