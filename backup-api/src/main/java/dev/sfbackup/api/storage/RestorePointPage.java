package dev.sfbackup.api.storage;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of restore points, newest first; page is zero-based. */
@RegisterForReflection
public record RestorePointPage(List<RestorePointView> items, int page, int size, long total) {
}
