package dev.sfbackup.storage.cache.service;

import dev.sfbackup.storage.repository.backend.BackendException;

/** The backup cache has no room for a write; its message is written for the operator and names the way out. */
public final class CacheFullException extends BackendException.Permanent {

    CacheFullException(long usedBytes, long maxBytes, long neededBytes) {
        super("the backup cache is full: " + usedBytes + " of " + maxBytes + " bytes used, " + neededBytes
                + " more needed; raise cache.maxBytes or bring the repository back");
    }
}
