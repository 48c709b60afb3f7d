package dev.sfbackup.storage.repository.backend;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The full decorator stack over a backend that fails every third call still keeps the contract. */
class DecoratedFaultyBackendTest extends BackendConformanceTest {

    @TempDir
    Path directory;

    @Override
    protected Backend newBackend() {
        Backend faulty = new FaultInjectingBackend(new LocalBackend(directory), 3);
        Backend stalled = new StallTimeoutBackend(faulty, Duration.ofSeconds(5));
        Backend retrying = new RetryingBackend(stalled, 5, Duration.ofMillis(1), Duration.ofMillis(10));
        return new MeteredBackend(new LimitedBackend(retrying, 4), new SimpleMeterRegistry(), "test");
    }
}
