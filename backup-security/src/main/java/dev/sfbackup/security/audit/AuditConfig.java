package dev.sfbackup.security.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "backup.audit")
public interface AuditConfig {

    /** How long audit entries are kept; older ones are purged. */
    @WithDefault("P365D")
    Duration retention();

    /** How often the purge runs (a Quarkus scheduler interval). */
    @WithDefault("1h")
    String purgeEvery();
}
