package dev.sfbackup.salesforce;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a {@link SalesforceConnection} behaves.
 *
 * @param apiVersion          e.g. {@code "62.0"}; every data path is {@code /services/data/v{apiVersion}/…}
 * @param retryPolicy         backoff for transient errors
 * @param requestTimeout      per HTTP request (until the response headers arrive)
 * @param queryBatchSize      REST query page size sent as {@code Sforce-Query-Options: batchSize=} (200–2000), 0 = server default
 * @param bulkMaxRecords      {@code maxRecords} per Bulk API 2.0 results request, 0 = server default
 * @param bulkPollInterval    wait between job-state polls
 * @param bulkJobTimeout      give up waiting for a query job after this long
 * @param usageListener       called with every {@code Sforce-Limit-Info} the org reports
 * @param minUploadBytesPerSecond the slowest upload a body insert waits out: its timeout is {@code requestTimeout}
 *                            plus the body's size at this rate, so a 2 GB body is not cut at {@code requestTimeout}
 */
public record ConnectionOptions(String apiVersion, RetryPolicy retryPolicy, Duration requestTimeout, int queryBatchSize,
                                int bulkMaxRecords, Duration bulkPollInterval, Duration bulkJobTimeout,
                                Consumer<ApiUsage> usageListener, long minUploadBytesPerSecond) {

    public static final String DEFAULT_API_VERSION = "62.0";
    public static final long DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND = 256 * 1024;

    public ConnectionOptions {
        if (!apiVersion.matches("\\d+\\.\\d")) {
            throw new IllegalArgumentException("apiVersion must look like 62.0, was " + apiVersion);
        }
        if (queryBatchSize != 0 && (queryBatchSize < 200 || queryBatchSize > 2000)) {
            throw new IllegalArgumentException("queryBatchSize must be 0 or between 200 and 2000, was " + queryBatchSize);
        }
        if (bulkMaxRecords < 0) {
            throw new IllegalArgumentException("bulkMaxRecords must be 0 or positive, was " + bulkMaxRecords);
        }
        if (minUploadBytesPerSecond < 1) {
            throw new IllegalArgumentException("minUploadBytesPerSecond must be at least 1, was " + minUploadBytesPerSecond);
        }
        usageListener = usageListener == null ? usage -> { } : usageListener;
    }

    public static ConnectionOptions defaults() {
        return new ConnectionOptions(DEFAULT_API_VERSION, RetryPolicy.defaults(), Duration.ofMinutes(2), 0, 0,
                Duration.ofSeconds(2), Duration.ofHours(6), null, DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND);
    }

    public ConnectionOptions withApiVersion(String version) {
        return new ConnectionOptions(version, retryPolicy, requestTimeout, queryBatchSize, bulkMaxRecords,
                bulkPollInterval, bulkJobTimeout, usageListener, minUploadBytesPerSecond);
    }

    public ConnectionOptions withRetryPolicy(RetryPolicy policy) {
        return new ConnectionOptions(apiVersion, policy, requestTimeout, queryBatchSize, bulkMaxRecords,
                bulkPollInterval, bulkJobTimeout, usageListener, minUploadBytesPerSecond);
    }

    public ConnectionOptions withQueryBatchSize(int batchSize) {
        return new ConnectionOptions(apiVersion, retryPolicy, requestTimeout, batchSize, bulkMaxRecords,
                bulkPollInterval, bulkJobTimeout, usageListener, minUploadBytesPerSecond);
    }

    public ConnectionOptions withBulk(int maxRecords, Duration pollInterval, Duration jobTimeout) {
        return new ConnectionOptions(apiVersion, retryPolicy, requestTimeout, queryBatchSize, maxRecords,
                pollInterval, jobTimeout, usageListener, minUploadBytesPerSecond);
    }

    public ConnectionOptions withUsageListener(Consumer<ApiUsage> listener) {
        return new ConnectionOptions(apiVersion, retryPolicy, requestTimeout, queryBatchSize, bulkMaxRecords,
                bulkPollInterval, bulkJobTimeout, listener, minUploadBytesPerSecond);
    }

    /** Uploads wait for at least {@code bytesPerSecond} (and requestTimeout on top) before they are cut. */
    public ConnectionOptions withRequestTimeouts(Duration perRequest, long bytesPerSecond) {
        return new ConnectionOptions(apiVersion, retryPolicy, perRequest, queryBatchSize, bulkMaxRecords,
                bulkPollInterval, bulkJobTimeout, usageListener, bytesPerSecond);
    }

    /** How long a request that uploads {@code bytes} may take until its answer starts: the time to send them at the slowest rate allowed, plus requestTimeout. */
    public Duration uploadTimeout(long bytes) {
        long seconds = (Math.max(0, bytes) + minUploadBytesPerSecond - 1) / minUploadBytesPerSecond;
        return requestTimeout.plusSeconds(seconds);
    }
}
