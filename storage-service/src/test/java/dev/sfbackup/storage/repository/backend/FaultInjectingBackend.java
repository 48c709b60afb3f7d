package dev.sfbackup.storage.repository.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a backend and fails every {@code failEvery}-th call with a transient error, or all calls when told to. */
public final class FaultInjectingBackend implements Backend {

    private final Backend delegate;
    private final int failEvery;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean down;
    private volatile BackendException nextError;

    public FaultInjectingBackend(Backend delegate, int failEvery) {
        this.delegate = delegate;
        this.failEvery = failEvery;
    }

    /** Every call fails with a transient error until {@code setDown(false)}. */
    public void setDown(boolean down) {
        this.down = down;
    }

    /** The next call fails with this error. */
    public void failNext(BackendException error) {
        this.nextError = error;
    }

    public int calls() {
        return calls.get();
    }

    private void maybeFail(String operation, String name) throws BackendException {
        int call = calls.incrementAndGet();
        BackendException error = nextError;
        if (error != null) {
            nextError = null;
            throw error;
        }
        if (down) {
            throw new BackendException("injected outage: " + operation + " " + name);
        }
        if (failEvery > 0 && call % failEvery == 0) {
            throw new BackendException("injected fault: " + operation + " " + name);
        }
    }

    @Override
    public void put(String name, Content content) throws IOException {
        maybeFail("put", name);
        delegate.put(name, content);
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        maybeFail("get", name);
        return delegate.get(name, offset, length);
    }

    @Override
    public long stat(String name) throws IOException {
        maybeFail("stat", name);
        return delegate.stat(name);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        maybeFail("list", prefix);
        return delegate.list(prefix);
    }

    @Override
    public void delete(String name) throws IOException {
        maybeFail("delete", name);
        delegate.delete(name);
    }

    @Override
    public String describe() {
        return "faulty " + delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
