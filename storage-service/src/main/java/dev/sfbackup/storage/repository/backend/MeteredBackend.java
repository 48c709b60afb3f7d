package dev.sfbackup.storage.repository.backend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Times every call (tags: repository, operation, outcome) and counts bytes written. */
public final class MeteredBackend implements Backend {

    private final Backend delegate;
    private final MeterRegistry registry;
    private final String repository;
    private final Counter bytesWritten;

    public MeteredBackend(Backend delegate, MeterRegistry registry, String repository) {
        this.delegate = delegate;
        this.registry = registry;
        this.repository = repository;
        this.bytesWritten = Counter.builder("backup.repository.bytes.written").tag("repository", repository).register(registry);
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T timed(String operation, Call<T> call) throws IOException {
        long start = System.nanoTime();
        String outcome = "success";
        try {
            return call.run();
        } catch (BackendException.NotFound e) {
            outcome = "not_found";
            throw e;
        } catch (IOException | RuntimeException e) {
            outcome = BackendException.isPermanent(e) ? "permanent_error" : "error";
            throw e;
        } finally {
            Timer.builder("backup.repository.calls")
                    .tag("repository", repository).tag("operation", operation).tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void put(String name, Content content) throws IOException {
        timed("put", () -> {
            delegate.put(name, content);
            return null;
        });
        bytesWritten.increment(content.length());
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        return timed("get", () -> delegate.get(name, offset, length));
    }

    @Override
    public long stat(String name) throws IOException {
        return timed("stat", () -> delegate.stat(name));
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        return timed("list", () -> delegate.list(prefix));
    }

    @Override
    public void delete(String name) throws IOException {
        timed("delete", () -> {
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
