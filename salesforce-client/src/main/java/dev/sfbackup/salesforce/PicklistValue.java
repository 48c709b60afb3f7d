package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An element of a describe field's {@code picklistValues[]}: the stored value, its label, whether active or the default. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
}
