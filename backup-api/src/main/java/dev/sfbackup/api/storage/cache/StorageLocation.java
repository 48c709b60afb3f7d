package dev.sfbackup.api.storage.cache;

/** Where a restore point's files and metadata live. */
public enum StorageLocation {
    REPOSITORY, CACHE, UPLOADING
}
