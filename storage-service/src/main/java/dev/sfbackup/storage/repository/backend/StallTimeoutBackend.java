package dev.sfbackup.storage.repository.backend;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fails a call that makes no progress for {@code timeout} (a hung connection) with a transient {@link BackendException},
 * so a {@link RetryingBackend} above it can try again. Progress is bytes moved, so a slow but moving transfer is never cut.
 */
public final class StallTimeoutBackend implements Backend {

    private final Backend delegate;
    private final long timeoutNanos;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public StallTimeoutBackend(Backend delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutNanos = timeout.toNanos();
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static final class Progress {
        private final AtomicLong last = new AtomicLong(System.nanoTime());

        void touch() {
            last.set(System.nanoTime());
        }

        long idleNanos() {
            return System.nanoTime() - last.get();
        }
    }

    private <T> T guarded(String operation, String name, Progress progress, Call<T> call) throws IOException {
        Future<T> future = calls.submit(call::run);
        long pollNanos = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(1));
        while (true) {
            try {
                return future.get(pollNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (progress.idleNanos() >= timeoutNanos) {
                    future.cancel(true);
                    throw new BackendException(operation + " " + name + " stalled: no progress for "
                            + Duration.ofNanos(timeoutNanos));
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new BackendException(operation + " " + name + " failed", e.getCause());
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new BackendException("interrupted during " + operation + " " + name);
            }
        }
    }

    @Override
    public void put(String name, Content content) throws IOException {
        Progress progress = new Progress();
        Content watched = new Content() {
            @Override
            public InputStream open() throws IOException {
                return new ProgressStream(content.open(), progress);
            }

            @Override
            public long length() {
                return content.length();
            }
        };
        guarded("put", name, progress, () -> {
            delegate.put(name, watched);
            return null;
        });
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        InputStream in = guarded("get", name, new Progress(), () -> delegate.get(name, offset, length));
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                try {
                    return guarded("read", name, new Progress(), () -> in.read(buffer, off, len));
                } catch (BackendException e) {
                    in.close();
                    throw e;
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public long stat(String name) throws IOException {
        return guarded("stat", name, new Progress(), () -> delegate.stat(name));
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        return guarded("list", prefix, new Progress(), () -> delegate.list(prefix));
    }

    @Override
    public void delete(String name) throws IOException {
        guarded("delete", name, new Progress(), () -> {
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
        calls.shutdownNow();
        delegate.close();
    }

    private static final class ProgressStream extends java.io.FilterInputStream {
        private final Progress progress;

        ProgressStream(InputStream in, Progress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            progress.touch();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            progress.touch();
            return n;
        }
    }
}
