package dev.sfbackup.emulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Credentials, limits and demo-org defaults of the emulated org. */
@ConfigMapping(prefix = "emulator")
public interface EmulatorConfig {

    /** Consumer key of the connected app (client-credentials and JWT bearer iss). */
    @WithDefault("demo-client")
    String clientId();

    /** Consumer secret of the connected app. */
    @WithDefault("demo-secret")
    String clientSecret();

    /** PEM file with the X.509 certificate that JWT bearer assertions must be signed with; unset: signatures are not checked. */
    Optional<String> jwtCertificate();

    /** Base URL handed out as instance_url; unset: the scheme, host and port the token request came in on. */
    Optional<String> instanceUrl();

    /** DailyApiRequests limit reported in Sforce-Limit-Info. */
    @WithDefault("100000")
    long dailyApiLimit();

    /** Seed of the demo org created at start-up and by an empty reset. */
    @WithDefault("42")
    long seed();

    /** Files (ContentVersion) of the demo org. */
    @WithDefault("50")
    int fileCount();

    /** Mean body size in bytes of the demo org's files. */
    @WithDefault("200000")
    int fileMeanBytes();

    /** Records per page of a Bulk API 2.0 result when the client gives no maxRecords. */
    @WithDefault("50000")
    int bulkDefaultMaxRecords();
}
