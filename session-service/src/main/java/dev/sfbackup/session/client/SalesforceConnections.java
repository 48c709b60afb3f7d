package dev.sfbackup.session.client;

import dev.sfbackup.api.policy.ConnectionCredentials;
import dev.sfbackup.api.policy.ConnectionFlow;
import dev.sfbackup.salesforce.ApiUsage;
import dev.sfbackup.salesforce.ConnectionOptions;
import dev.sfbackup.salesforce.OAuthTokenSource;
import dev.sfbackup.salesforce.RetryPolicy;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SalesforceConnection} per org connection (they are thread-safe and keep their token). A connection whose
 * credentials changed in policy-service (secret, key, login URL, client id, user, flow, API version) is replaced on
 * the next call, so a rotated secret takes effect on the next run and an old token never outlives its credentials.
 */
@ApplicationScoped
public class SalesforceConnections {

    private record Cached(String fingerprint, SalesforceConnection connection) {
    }

    private final HttpClient http = SalesforceConnection.defaultHttpClient();
    private final Map<String, Cached> connections = new ConcurrentHashMap<>();
    private final BackupConfig.Salesforce timeouts;

    public SalesforceConnections(BackupConfig config) {
        this.timeouts = config.salesforce();
    }

    public SalesforceConnection connect(ConnectionCredentials credentials) {
        return connect(credentials, 0, Duration.ofSeconds(2));
    }

    /** A connection whose Bulk API 2.0 result pages hold at most bulkMaxRecords rows (0: Salesforce's default). */
    public SalesforceConnection connect(ConnectionCredentials credentials, int bulkMaxRecords, Duration bulkPollInterval) {
        String key = credentials.id() + "|" + bulkMaxRecords + "|" + bulkPollInterval;
        String fingerprint = fingerprint(credentials);
        return connections.compute(key, (ignored, cached) -> cached != null && cached.fingerprint().equals(fingerprint)
                ? cached : new Cached(fingerprint, create(credentials, bulkMaxRecords, bulkPollInterval))).connection();
    }

    /** The org's API usage as its connections last saw it (the newest observation), for the metrics. */
    public Optional<ApiUsage> apiUsage(UUID connectionId) {
        String prefix = connectionId + "|";
        return connections.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> entry.getValue().connection().apiUsage()).flatMap(Optional::stream)
                .max(Comparator.comparing(ApiUsage::observedAt));
    }

    /** A digest of everything a token depends on; the secrets themselves are not kept as map keys. */
    private static String fingerprint(ConnectionCredentials credentials) {
        String all = String.join("\0", String.valueOf(credentials.loginUrl()), String.valueOf(credentials.clientId()),
                String.valueOf(credentials.clientSecret()), String.valueOf(credentials.username()),
                String.valueOf(credentials.privateKeyPem()), String.valueOf(credentials.flow()),
                String.valueOf(credentials.apiVersion()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private SalesforceConnection create(ConnectionCredentials credentials, int bulkMaxRecords, Duration bulkPollInterval) {
        URI loginUrl = URI.create(credentials.loginUrl());
        OAuthTokenSource tokens = credentials.flow() == ConnectionFlow.JWT_BEARER
                ? OAuthTokenSource.jwtBearer(http, loginUrl, credentials.clientId(), credentials.username(),
                        privateKey(credentials.privateKeyPem()), credentials.loginUrl())
                : OAuthTokenSource.clientCredentials(http, loginUrl, credentials.clientId(), credentials.clientSecret());
        ConnectionOptions options = ConnectionOptions.defaults().withBulk(bulkMaxRecords, bulkPollInterval, Duration.ofHours(6))
                .withRequestTimeouts(timeouts.requestTimeout(), timeouts.minUploadBytesPerSecond());
        RetryPolicy retries = options.retryPolicy();
        options = options.withRetryPolicy(new RetryPolicy(retries.maxAttempts(), timeouts.retryBackoff(), retries.maxBackoff(),
                retries.multiplier()));
        if (credentials.apiVersion() != null && !credentials.apiVersion().isBlank()) {
            options = options.withApiVersion(credentials.apiVersion());
        }
        return SalesforceConnection.create(http, tokens, options);
    }

    private static PrivateKey privateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the connection's private key is not a PKCS#8 RSA key in PEM", e);
        }
    }
}
