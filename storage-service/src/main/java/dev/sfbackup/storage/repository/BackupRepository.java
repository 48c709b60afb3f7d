package dev.sfbackup.storage.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.sfbackup.api.storage.repository.RepositoryKind;
import dev.sfbackup.api.storage.repository.S3CredentialSource;
import java.time.Instant;
import java.util.UUID;

/** A place where files and metadata are stored: a LOCAL directory or an S3 bucket. The S3 secret key (when it signs in with
 * static keys) is kept sealed. */
@Entity
@Table(name = "backup_repository")
public class BackupRepository {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public RepositoryKind kind;

    @Column(name = "local_path")
    public String localPath;

    @Column(name = "s3_endpoint")
    public String s3Endpoint;

    @Column(name = "s3_region")
    public String s3Region;

    @Column(name = "s3_bucket")
    public String s3Bucket;

    @Column(name = "s3_prefix")
    public String s3Prefix;

    @Enumerated(EnumType.STRING)
    @Column(name = "s3_credentials")
    public S3CredentialSource s3Credentials = S3CredentialSource.STATIC;

    @Column(name = "s3_access_key")
    public String s3AccessKey;

    @Column(name = "s3_secret_key_sealed")
    public String s3SecretKeySealed;

    @Column(name = "s3_path_style")
    public boolean s3PathStyle;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
