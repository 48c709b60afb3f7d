package dev.sfbackup.storage.repository.backend;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest extends BackendConformanceTest {

    @TempDir
    Path directory;

    @Override
    protected Backend newBackend() {
        return new LocalBackend(directory);
    }
}
