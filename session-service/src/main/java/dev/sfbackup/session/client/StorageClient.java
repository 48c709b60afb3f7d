package dev.sfbackup.session.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.storage.BatchResult;
import dev.sfbackup.api.storage.CommitRestorePoint;
import dev.sfbackup.api.storage.OpenRestoreLease;
import dev.sfbackup.api.storage.OpenRestorePoint;
import dev.sfbackup.api.storage.RecordDeletions;
import dev.sfbackup.api.storage.RecordIds;
import dev.sfbackup.api.storage.RestorePointPage;
import dev.sfbackup.api.storage.RestoreLeaseView;
import dev.sfbackup.api.storage.RestorePointState;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.Watermark;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * storage-service as the engine sees it. Calls are retried with exponential backoff while storage is unreachable or
 * answers 5xx; a 4xx is a {@link RemoteCallRejected} and is never retried; a 503 with Retry-After is a
 * {@link RemoteRetryLater}. Ingest calls are idempotent by sequence
 * number, so a retry after a lost answer stores nothing twice.
 */
@ApplicationScoped
public class StorageClient {

    private static final String SERVICE = "storage-service";

    private final StorageRestClient rest;

    public StorageClient(@RestClient StorageRestClient rest) {
        this.rest = rest;
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public RestorePointView open(OpenRestorePoint request) {
        return call(() -> rest.open(request));
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    public BatchResult putBatch(UUID pointId, long seq, NdjsonBody ndjson) {
        return call(() -> rest.putBatch(pointId, seq, ndjson.buffers()));
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public BatchResult deletions(UUID pointId, RecordDeletions deletions) {
        return call(() -> rest.deletions(pointId, deletions));
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 300, unit = ChronoUnit.SECONDS)
    public BatchResult endOfFullScan(UUID pointId) {
        return call(() -> rest.endOfFullScan(pointId));
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    public RestorePointView commit(UUID pointId, CommitRestorePoint commit) {
        return call(() -> rest.commit(pointId, commit));
    }

    @Retry(maxRetries = 3, delay = 500, abortOn = RemoteCallRejected.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public RestorePointView discard(UUID pointId) {
        return call(() -> rest.discard(pointId));
    }

    /** Empty when storage does not know the point. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<RestorePointView> point(UUID pointId) {
        return absentOn404(() -> rest.point(pointId));
    }

    /** The object's describe as the backup stored it with the point; empty when it stored none. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<JsonNode> schema(UUID pointId) {
        return absentOn404(() -> rest.schema(pointId));
    }

    /** Empty when the object has no committed watermark yet. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<Watermark> watermark(UUID policyId, String object) {
        return absentOn404(() -> rest.watermark(policyId, object));
    }

    /** The content hashes (hex SHA-256) of the latest committed versions of these records; absent when none or deleted. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Map<String, String> latestContentHashes(UUID policyId, String orgId, String object, List<String> ids) {
        return call(() -> rest.contentHashes(policyId, object, orgId, new RecordIds(ids))).byId();
    }

    /** Whether the policy (or one of its objects, when object is not null) has any committed restore point. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public boolean hasCommittedPoint(UUID policyId, String object) {
        return call(() -> rest.points(policyId, object, RestorePointState.COMMITTED.name(), 0, 1)).total() > 0;
    }

    /** Streams a file body; not retried because the body can be read only once (the caller retries the whole file). */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public JsonNode putFile(UUID pointId, String sourceId, String name, String contentType, InputStream body) {
        return call(() -> rest.putFile(pointId, sourceId, name, contentType, body));
    }

    /** A {@link RemoteRetryLater} (the repository is away, storage waits out its reconnect window) is left to the caller. */
    @Retry(maxRetries = 5, delay = 500, abortOn = {RemoteCallRejected.class, RemoteRetryLater.class})
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    public JsonNode putMetadata(UUID pointId, String name, byte[] body) {
        return call(() -> rest.putMetadata(pointId, name, body));
    }

    /** The object's committed points of the policy created before {@code before}, newest first (at most {@code size}). */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public List<RestorePointView> pointsCreatedBefore(UUID policyId, String object, Instant before, int size) {
        return call(() -> rest.pointsCreatedBefore(policyId, object, RestorePointState.COMMITTED.name(), before.toString(), 0, size)).items();
    }

    /** The objects the policy has committed restore points of. */
    @Retry(maxRetries = 3, delay = 300, abortOn = RemoteCallRejected.class)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public Set<String> backedUpObjects(UUID policyId) {
        Set<String> objects = new TreeSet<>();
        for (int page = 0; ; page++) {
            int current = page;
            RestorePointPage found = call(() -> rest.points(policyId, null, RestorePointState.COMMITTED.name(), current, 500));
            found.items().stream().map(RestorePointView::object).filter(Objects::nonNull).forEach(objects::add);
            if ((long) (page + 1) * 500 >= found.total()) {
                return objects;
            }
        }
    }

    /**
     * The object's records as of {@code point} (a restore point id or an instant), NDJSON; the caller closes the stream.
     * Not retried: a stream half read cannot be resumed (the caller starts its read again).
     */
    @Timeout(value = 30, unit = ChronoUnit.MINUTES)
    public InputStream records(String point, String object, UUID policyId) {
        return call(() -> rest.records(point, object, policyId));
    }

    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public RestoreLeaseView lease(UUID pointId, String holder, Duration ttl) {
        return call(() -> rest.lease(pointId, new OpenRestoreLease(holder, ttl)));
    }

    /** A lease storage no longer knows (it expired, or an earlier call released it) counts as released. */
    @Retry(maxRetries = 5, delay = 500, abortOn = RemoteCallRejected.class)
    @ExponentialBackoff(maxDelay = 8000)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    public void release(UUID pointId, UUID leaseId) {
        absentOn404(() -> {
            rest.release(pointId, leaseId);
            return Boolean.TRUE;
        });
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException error) {
            throw RemoteErrors.classify(SERVICE, error);
        }
    }

    private static <T> Optional<T> absentOn404(Supplier<T> request) {
        try {
            return Optional.of(call(request));
        } catch (RemoteCallRejected rejected) {
            if (rejected.status() == 404) {
                return Optional.empty();
            }
            throw rejected;
        }
    }
}
