package dev.sfbackup.emulator.org;

import java.nio.file.Path;

/** A file body written through the API (a multipart insert), kept on disk rather than in the record. */
public record StoredBody(Path file, long size) {
}
