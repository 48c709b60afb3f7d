package dev.sfbackup.session.restore.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.restore.RestoreJob;
import dev.sfbackup.session.restore.persistence.RestoreIdMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a restored lookup points in the target org: at the new id of a recreated record (from the id map), at the
 * same id when that record exists there, and nowhere when it neither exists nor was restored (the field is left
 * empty and reported, never invented). Polymorphic lookups keep their value: Salesforce checks their target type.
 * A dry run counts a missing record of an object the restore writes as restored (the real run would restore it).
 * Users are read with IsActive, so an inactive owner can be replaced by the request's default owner before Salesforce
 * rejects the record (INACTIVE_OWNER_OR_USER).
 */
final class LookupTargets {

    private static final String USER = "User";

    private final SalesforceConnection org;
    private final String object;
    private final RestoreJob job;
    private final RestoreIdMap idMap;
    private final Set<String> restoredObjects;
    private final ApiCalls calls;
    private final Map<String, String> mapped = new HashMap<>();
    private final Set<String> existing = new HashSet<>();
    private final Set<String> missing = new HashSet<>();
    private final Set<String> inactiveUsers = new HashSet<>();

    /** object: the restored object, whose own records a pass may know without a call. */
    LookupTargets(SalesforceConnection org, String object, RestoreJob job, RestoreIdMap idMap, Set<String> restoredObjects,
            ApiCalls calls) {
        this.org = org;
        this.object = object;
        this.job = job;
        this.idMap = idMap;
        this.restoredObjects = restoredObjects;
        this.calls = calls;
    }

    /**
     * Looks up, in as few calls as it can, where the lookups of these records point; those to the restored object's
     * own records in {@code sameObject} when it can tell without a call (a snapshot of the object).
     */
    void prepare(Collection<ObjectNode> records, List<RestorableField> lookups, CurrentRecords sameObject) {
        Map<String, Set<String>> unknownByObject = new HashMap<>();
        Set<String> values = new LinkedHashSet<>();
        for (ObjectNode record : records) {
            for (RestorableField field : lookups) {
                JsonNode value = record.get(field.source());
                if (!FieldValues.isEmpty(value)) {
                    values.add(value.asText());
                }
            }
        }
        values.removeAll(mapped.keySet());
        mapped.putAll(idMap.targets(job.policyId(), job.targetConnectionId(), values));
        for (ObjectNode record : records) {
            for (RestorableField field : lookups) {
                JsonNode value = record.get(field.source());
                if (FieldValues.isEmpty(value) || field.lookupObject() == null) {
                    continue;
                }
                String id = value.asText();
                if (!mapped.containsKey(id) && !existing.contains(id) && !missing.contains(id)) {
                    unknownByObject.computeIfAbsent(field.lookupObject(), ignored -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        unknownByObject.forEach((object, ids) -> {
            if (object.equals(this.object) && !ids.isEmpty() && sameObject.live(ids.iterator().next()).isPresent()) {
                ids.forEach(id -> (sameObject.live(id).orElseThrow() ? existing : missing).add(id));
            } else {
                lookUp(object, ids);
            }
        });
    }

    /** Forgets what it found missing: records restored since (a second pass) exist now. */
    void forgetMissing() {
        missing.clear();
    }

    /** The target id the lookup should hold; empty when its record neither exists nor was restored. */
    Optional<String> resolve(RestorableField field, String backupValue) {
        String target = mapped.get(backupValue);
        if (target != null) {
            return Optional.of(target);
        }
        if (field.lookupObject() == null || existing.contains(backupValue)) {
            return Optional.of(backupValue);
        }
        if (missing.contains(backupValue) && !(job.dryRun() && restoredObjects.contains(field.lookupObject()))) {
            return Optional.empty();
        }
        return Optional.of(backupValue);
    }

    /**
     * The target id when the lookup's record is live in the org now: it was recreated (the id map) or found there and
     * not in the recycle bin; empty when it is missing, deleted or unknown (a polymorphic lookup).
     */
    Optional<String> liveTarget(RestorableField field, String backupValue) {
        String target = mapped.get(backupValue);
        if (target != null) {
            return Optional.of(target);
        }
        return field.lookupObject() != null && existing.contains(backupValue) ? Optional.of(backupValue) : Optional.empty();
    }

    /** Whether the id is a user the lookups found inactive (an owner Salesforce would refuse). */
    boolean inactiveUser(String id) {
        return inactiveUsers.contains(id);
    }

    private void lookUp(String object, Set<String> ids) {
        boolean users = USER.equals(object);
        for (List<String> slice : Soql.slices(ids, Soql.MAX_ID_LIST)) {
            Set<String> found = new HashSet<>();
            try {
                calls.add(1);
                org.query("SELECT Id" + (users ? ", IsActive" : "") + " FROM " + object + " WHERE Id IN (" + Soql.idList(slice) + ")")
                        .forEachRemaining(row -> {
                            found.add(row.path("Id").asText());
                            if (users && !row.path("IsActive").asBoolean(true)) {
                                inactiveUsers.add(row.path("Id").asText());
                            }
                        });
            } catch (RuntimeException unqueryable) {
                existing.addAll(slice); // the target org cannot tell: keep the value and let Salesforce judge it
                continue;
            }
            for (String id : slice) {
                (found.contains(id) || found.contains(id.substring(0, Math.min(15, id.length()))) ? existing : missing).add(id);
            }
        }
    }
}
