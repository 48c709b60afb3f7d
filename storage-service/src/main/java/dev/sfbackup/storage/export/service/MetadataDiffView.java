package dev.sfbackup.storage.export.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What changed in a policy's metadata between two times: per object (ADDED, REMOVED or CHANGED) its describe's own
 * attributes and flags, its fields added and removed, and per changed field its attributes and picklist values; and the
 * org's metadata packages (by content hash). Objects and packages without a change are left out.
 */
@RegisterForReflection
public record MetadataDiffView(UUID policyId, Instant from, Instant to, List<ObjectChange> objects, PackageChanges packages) {

    @RegisterForReflection
    public record ObjectChange(String object, String change, Map<String, ValueChange> attributes, List<String> fieldsAdded,
            List<String> fieldsRemoved, List<FieldChange> fieldsChanged) {
    }

    @RegisterForReflection
    public record FieldChange(String field, Map<String, ValueChange> attributes, List<String> picklistValuesAdded,
            List<String> picklistValuesRemoved, List<String> picklistValuesChanged) {
    }

    @RegisterForReflection
    public record ValueChange(JsonNode before, JsonNode after) {
    }

    @RegisterForReflection
    public record PackageChanges(List<String> added, List<String> removed, List<String> changed) {
    }
}
