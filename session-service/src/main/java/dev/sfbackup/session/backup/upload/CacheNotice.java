package dev.sfbackup.session.backup.upload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfbackup.api.storage.RestorePointView;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.session.client.StorageClient;
import dev.sfbackup.session.engine.TaskContext;
import java.util.UUID;

/**
 * Tells the session log when and why a restore point's files went to the repository's backup cache: once, at the first
 * upload that landed there, and again when the point is committed in the cache.
 */
public final class CacheNotice {

    private final StorageClient storage;
    private final TaskContext context;
    private final UUID pointId;
    private boolean told;

    public CacheNotice(StorageClient storage, TaskContext context, UUID pointId) {
        this.storage = storage;
        this.context = context;
        this.pointId = pointId;
    }

    /** After an upload: storage answers where the point's files live. */
    public void stored(JsonNode file, int filesBefore) {
        if (told || !StorageLocation.CACHE.name().equals(file.path("location").asText())) {
            return;
        }
        told = true;
        RestorePointView point = storage.point(pointId).orElse(null);
        String why = point == null ? "" : " since " + point.cachedAt() + ": " + point.cacheReason();
        context.warn("restore point " + pointId + " is written to the backup cache after " + filesBefore + " uploads" + why);
    }

    /** After the commit: a point committed in the cache waits there for the upload to its repository. */
    public void committed(RestorePointView point) {
        if (point.cachedAt() == null) {
            return;
        }
        context.warn("restore point " + point.id() + " was committed in the backup cache (location " + point.location()
                + ", cached since " + point.cachedAt() + ": " + point.cacheReason()
                + "); it is uploaded to its repository, oldest first, once the repository is reachable");
    }
}
