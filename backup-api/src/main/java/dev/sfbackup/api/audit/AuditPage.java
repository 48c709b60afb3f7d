package dev.sfbackup.api.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of audit events, newest first; page is zero-based. */
@RegisterForReflection
public record AuditPage(List<AuditEventView> items, int page, int size, long total) {
}
