package dev.sfbackup.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An element of describeGlobal's {@code sobjects[]}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SObjectSummary(String name, String label, boolean custom, boolean queryable, boolean retrieveable,
                             boolean replicateable, boolean createable, boolean updateable, boolean deletable,
                             boolean undeletable, String keyPrefix) {
}
