package dev.sfbackup.storage.cache;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A repository's backup cache: a local directory with a size limit that takes restore points while the repository is away. */
@Entity
@Table(name = "repository_cache")
public class RepositoryCache {

    @Id
    @Column(name = "repository_id")
    public UUID repositoryId;

    public boolean enabled;

    public String path;

    @Column(name = "max_bytes")
    public long maxBytes;

    @Column(name = "reconnect_window")
    public String reconnectWindow;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Duration reconnectWindowDuration() {
        return Duration.parse(reconnectWindow);
    }

    /** Everything this repository's cache holds lives under this directory. */
    public Path root() {
        return Path.of(path).resolve(repositoryId.toString());
    }

    /** A copy of the repository's config, sealed keys and index files: what the repository already holds. */
    public Path digestDirectory() {
        return root().resolve("digest");
    }

    /** The packs, index files and file manifests a cached restore point wrote. */
    public Path pointDirectory(UUID restorePointId) {
        return root().resolve("points").resolve(restorePointId.toString());
    }
}
