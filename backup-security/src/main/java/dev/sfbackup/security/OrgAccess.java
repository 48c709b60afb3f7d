package dev.sfbackup.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The orgs (connection ids) a caller may touch: every org when its token has no orgs claim, else those listed. An entry
 * that is not a connection id matches nothing.
 */
public record OrgAccess(Optional<Set<UUID>> connections) {

    /** The identity attribute holding a caller's OrgAccess. */
    public static final String ATTRIBUTE = "sfbackup.org-access";

    public static final OrgAccess EVERY_ORG = new OrgAccess(Optional.empty());

    public OrgAccess {
        connections = connections.map(Set::copyOf);
    }

    /** From the claim's value: absent, a JSON array of strings, or one string with ids separated by spaces or commas. */
    static OrgAccess of(Object claim) {
        if (claim == null) {
            return EVERY_ORG;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    addIds(text.getString(), ids);
                }
            }
        } else if (claim instanceof JsonString text) {
            addIds(text.getString(), ids);
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> addIds(String.valueOf(value), ids));
        } else {
            addIds(claim.toString(), ids);
        }
        return new OrgAccess(Optional.of(ids));
    }

    public boolean everyOrg() {
        return connections.isEmpty();
    }

    /** A row without a connection (written before orgs were recorded) is visible only to callers of every org. */
    public boolean allows(UUID connectionId) {
        return connections.map(allowed -> connectionId != null && allowed.contains(connectionId)).orElse(true);
    }

    private static void addIds(String text, Set<UUID> ids) {
        for (String part : text.split("[\\s,]+")) {
            try {
                ids.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException notAnId) {
                // a name or a typo grants nothing
            }
        }
    }
}
