package dev.sfbackup.storage.repository.backend;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Retries transient failures with exponential backoff (doubling, capped, with jitter). Never retries
 * {@link BackendException.Permanent} (not found, authentication, bad request). A read that fails mid-stream is not retried
 * here: its caller re-reads the blob.
 */
public final class RetryingBackend implements Backend {

    private static final Logger LOG = Logger.getLogger(RetryingBackend.class);

    private final Backend delegate;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    public RetryingBackend(Backend delegate, int maxAttempts, Duration firstDelay, Duration maxDelay) {
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T withRetries(String operation, String name, Call<T> call) throws IOException {
        long delay = firstDelay.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (IOException e) {
                if (BackendException.isPermanent(e) || attempt >= maxAttempts) {
                    throw e;
                }
                LOG.debugf("%s %s failed (attempt %d of %d), retrying in %d ms: %s", operation, name, attempt, maxAttempts, delay, e.getMessage());
                sleep(delay + (long) (Math.random() * delay / 2));
                delay = Math.min(delay * 2, maxDelay.toMillis());
            }
        }
    }

    private static void sleep(long millis) throws BackendException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting to retry");
        }
    }

    @Override
    public void put(String name, Content content) throws IOException {
        withRetries("put", name, () -> {
            delegate.put(name, content);
            return null;
        });
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        return withRetries("get", name, () -> delegate.get(name, offset, length));
    }

    @Override
    public byte[] readAll(String name) throws IOException {
        return withRetries("read", name, () -> delegate.readAll(name));
    }

    @Override
    public long stat(String name) throws IOException {
        return withRetries("stat", name, () -> delegate.stat(name));
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        return withRetries("list", prefix, () -> delegate.list(prefix));
    }

    @Override
    public void delete(String name) throws IOException {
        withRetries("delete", name, () -> {
            delegate.delete(name);
            return null;
        });
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
