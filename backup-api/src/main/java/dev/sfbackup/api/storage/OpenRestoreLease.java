package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;

/** A running restore reads a point; retention keeps a leased point until the lease is released or expires. */
@RegisterForReflection
public record OpenRestoreLease(String holder, Duration ttl) {
}
