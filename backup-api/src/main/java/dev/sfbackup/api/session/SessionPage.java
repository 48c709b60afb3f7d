package dev.sfbackup.api.session;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of sessions, newest first. */
@RegisterForReflection
public record SessionPage(List<SessionView> items, int page, int size, long total) {
}
