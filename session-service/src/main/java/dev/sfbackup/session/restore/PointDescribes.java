package dev.sfbackup.session.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.salesforce.SObjectDescribe;
import dev.sfbackup.session.client.StorageClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The restore points a restore reads and the describes stored with them: a restore plans its hierarchy and order by
 * the lookups and child relationships as they were at the point, not as the target org has them now.
 */
@ApplicationScoped
public class PointDescribes {

    private static final Logger LOG = Logger.getLogger(PointDescribes.class);

    private final StorageClient storage;
    private final ObjectMapper json;

    public PointDescribes(StorageClient storage, ObjectMapper json) {
        this.storage = storage;
        this.json = json;
    }

    /** The object's latest point committed at or before {@code asOf}. */
    public Optional<RestorePointView> pointAt(UUID policyId, Instant asOf, String object) {
        return storage.pointsCreatedBefore(policyId, object, asOf.plusMillis(1), 20).stream()
                .filter(point -> point.committedAt() != null && !point.committedAt().isAfter(asOf))
                .findFirst();
    }

    /**
     * Each object's describe as stored with its point as of {@code asOf}; {@code current} (the target org's) for an
     * object whose point stored none. Asks once per object.
     */
    public Function<String, SObjectDescribe> asOf(UUID policyId, Instant asOf, Function<String, SObjectDescribe> current) {
        return cached(object -> stored(policyId, asOf, object), current);
    }

    static Function<String, SObjectDescribe> cached(Function<String, Optional<SObjectDescribe>> stored,
            Function<String, SObjectDescribe> current) {
        Map<String, SObjectDescribe> known = new HashMap<>();
        return object -> known.computeIfAbsent(object, name -> stored.apply(name).orElseGet(() -> current.apply(name)));
    }

    private Optional<SObjectDescribe> stored(UUID policyId, Instant asOf, String object) {
        return pointAt(policyId, asOf, object).flatMap(point -> storage.schema(point.id())).flatMap(schema -> parse(object, schema));
    }

    private Optional<SObjectDescribe> parse(String object, JsonNode schema) {
        try {
            SObjectDescribe describe = json.treeToValue(schema, SObjectDescribe.class);
            return describe.fields().isEmpty() ? Optional.empty() : Optional.of(describe);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("the describe stored for %s is not one the restore can read (%s); planning by the target org's", object,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
