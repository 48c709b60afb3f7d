package dev.sfbackup.storage.repository.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeParams;
import software.amazon.awssdk.services.s3.auth.scheme.S3AuthSchemeProvider;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An S3-compatible bucket through the AWS SDK for Java v2, with static keys or the SDK's default credential chain
 * (environment, profile, web identity / IRSA, container and instance roles). Checksums are computed and validated only
 * where an operation requires them, so uploads are plain Content-Length bodies (no aws-chunked encoding) that every
 * S3-compatible server reads. The SDK does not retry: {@link RetryingBackend} above decides that, once.
 */
public final class S3Backend implements Backend {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_CONNECTIONS = 64;

    private final S3Settings settings;
    private final String keyPrefix;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;

    public S3Backend(S3Settings settings) {
        this.settings = settings;
        this.keyPrefix = settings.keyPrefix();
        this.credentials = credentialsProvider(settings.credentials());
        this.s3 = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .authSchemeProvider(S3Backend::plainBodies)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * S3's signing options without aws-chunked bodies: an upload is one Content-Length body, its SHA-256 signed over
     * plain HTTP and UNSIGNED-PAYLOAD over TLS, as the S3 API allows.
     */
    private static List<AuthSchemeOption> plainBodies(S3AuthSchemeParams params) {
        return S3AuthSchemeProvider.defaultProvider().resolveAuthScheme(params).stream()
                .map(option -> option.toBuilder()
                        .putSignerProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                        .putSignerProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .build())
                .toList();
    }

    private static AwsCredentialsProvider credentialsProvider(S3Credentials credentials) {
        return switch (credentials) {
            case S3Credentials.Static keys -> StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKey(), keys.secretKey()));
            case S3Credentials.DefaultChain chain -> DefaultCredentialsProvider.builder().build();
        };
    }

    @Override
    public void put(String name, Content content) throws IOException {
        RequestBody body = RequestBody.fromContentProvider(() -> {
            try {
                return content.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, content.length(), "application/octet-stream");
        call(name, () -> s3.putObject(put -> put.bucket(settings.bucket()).key(key(name)).contentLength(content.length()), body));
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        if (length == 0) {
            stat(name);
            return new ByteArrayInputStream(new byte[0]);
        }
        String range = length < 0 ? "bytes=" + offset + "-" : "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return call(name, () -> s3.getObject(get -> get.bucket(settings.bucket()).key(key(name)).range(range)));
        } catch (RangeNotSatisfiable e) {
            return new ByteArrayInputStream(new byte[0]);
        }
    }

    @Override
    public long stat(String name) throws IOException {
        Long size = call(name, () -> s3.headObject(head -> head.bucket(settings.bucket()).key(key(name))).contentLength());
        return size == null ? 0 : size;
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(key(prefix)).build();
        return call("list " + prefix, () -> {
            List<ObjectInfo> result = new ArrayList<>();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                result.add(new ObjectInfo(object.key().substring(keyPrefix.length()), object.size()));
            }
            return result;
        });
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            call(name, () -> s3.deleteObject(delete -> delete.bucket(settings.bucket()).key(key(name))));
        } catch (BackendException.NotFound alreadyGone) {
            // removing an absent object is not an error
        }
    }

    @Override
    public String describe() {
        return "s3:" + settings.endpoint() + "/" + settings.bucket() + "/" + keyPrefix;
    }

    @Override
    public void close() {
        s3.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    private String key(String name) {
        return keyPrefix + name;
    }

    /** A ranged read that starts at or after the object's end. */
    private static final class RangeNotSatisfiable extends BackendException {
        RangeNotSatisfiable(String name) {
            super("range not satisfiable: " + name);
        }
    }

    private interface S3Call<T> {
        T run();
    }

    /** Runs an SDK call and turns its exceptions into {@link BackendException}s that say whether a retry can help. */
    private <T> T call(String name, S3Call<T> call) throws BackendException {
        try {
            return call.run();
        } catch (AwsServiceException e) {
            throw failure(name, e);
        } catch (AbortedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while calling " + describe(), e);
        } catch (UncheckedIOException e) {
            throw new BackendException("cannot read upload content: " + e.getCause().getMessage(), e.getCause());
        } catch (SdkClientException e) {
            if (e.getCause() instanceof UncheckedIOException unreadable) {
                throw new BackendException("cannot read upload content: " + unreadable.getCause().getMessage(), unreadable.getCause());
            }
            throw new BackendException("cannot reach " + describe() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new BackendException("S3 call for " + name + " failed: " + e.getMessage(), e);
        }
    }

    private BackendException failure(String name, AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
        if (status == 416) {
            return new RangeNotSatisfiable(name);
        }
        if (status == 404 && !"NoSuchBucket".equals(code)) {
            return new BackendException.NotFound(name);
        }
        String message = "S3 call for " + name + " answered " + status + " " + code;
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new BackendException.Permanent(message, e);
        }
        return new BackendException(message, e);
    }
}
