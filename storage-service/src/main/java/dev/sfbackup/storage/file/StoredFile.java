package dev.sfbackup.storage.file;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file body or metadata package of a restore point, stored as chunks in the point's repository. */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    public static final String FILE = "FILE";
    public static final String METADATA = "METADATA";

    @Id
    public UUID id;

    @Column(name = "repository_id")
    public UUID repositoryId;

    @Column(name = "restore_point_id")
    public UUID restorePointId;

    public String kind;

    @Column(name = "source_id")
    public String sourceId;

    public String name;

    @Column(name = "content_type")
    public String contentType;

    public long size;

    public String sha256;

    @Column(name = "new_bytes")
    public long newBytes;

    @Column(name = "dedup_bytes")
    public long dedupBytes;

    @Column(name = "created_at")
    public Instant createdAt;
}
