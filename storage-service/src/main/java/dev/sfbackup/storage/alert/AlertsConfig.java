package dev.sfbackup.storage.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When storage-service alerts a policy's channels (through policy-service) about its repositories. */
@ConfigMapping(prefix = "backup.alerts")
public interface AlertsConfig {

    /** A policy's restore points that waited this long in the cache of an unreachable repository are alerted once. */
    @WithDefault("PT1H")
    Duration cacheWaitingThreshold();

    /** How often the backup caches are checked for points waiting too long (a quarkus-scheduler period). */
    @WithDefault("1m")
    String cacheCheckEvery();

    /** The link a verify damage alert carries to the verify's report; {repositoryId} and {verifyId} are replaced. */
    @WithDefault("http://localhost:8083/api/v1/repositories/{repositoryId}/verifies/{verifyId}")
    String verifyLink();
}
