package dev.sfbackup.storage.repository.backend;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Semaphore;

/** At most {@code permits} calls in flight; an open read stream holds its permit until it is closed. */
public final class LimitedBackend implements Backend {

    private final Backend delegate;
    private final Semaphore permits;

    public LimitedBackend(Backend delegate, int permits) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    private void acquire() throws BackendException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for a connection slot");
        }
    }

    @Override
    public void put(String name, Content content) throws IOException {
        acquire();
        try {
            delegate.put(name, content);
        } finally {
            permits.release();
        }
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        acquire();
        try {
            return new FilterInputStream(delegate.get(name, offset, length)) {
                private boolean closed;

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        if (!closed) {
                            closed = true;
                            permits.release();
                        }
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public long stat(String name) throws IOException {
        acquire();
        try {
            return delegate.stat(name);
        } finally {
            permits.release();
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        acquire();
        try {
            return delegate.list(prefix);
        } finally {
            permits.release();
        }
    }

    @Override
    public void delete(String name) throws IOException {
        acquire();
        try {
            delegate.delete(name);
        } finally {
            permits.release();
        }
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
