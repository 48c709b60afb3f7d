package dev.sfbackup.storage.repository.format;

/** Stored data does not match its authentication tag or its hash. */
public final class CorruptDataException extends RuntimeException {

    public CorruptDataException(String message) {
        super(message);
    }
}
