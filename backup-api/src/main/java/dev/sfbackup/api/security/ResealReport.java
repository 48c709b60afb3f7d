package dev.sfbackup.api.security;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What re-sealing under the current BACKUP_ENCRYPTION_KEY did: checked sealed values (secrets, repository keys),
 * resealed ones that were still sealed with the previous key, and failures (what no configured key opens, or what could
 * not be reached). The previous key can be retired once a run reports no failures.
 */
@RegisterForReflection
public record ResealReport(int checked, int resealed, boolean previousKeyConfigured, List<String> failures) {
}
