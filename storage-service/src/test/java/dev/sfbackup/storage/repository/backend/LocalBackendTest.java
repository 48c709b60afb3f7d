package dev.sfbackup.storage.repository.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendTest extends BackendConformanceTest {

    @TempDir
    Path directory;

    @Override
    protected Backend newBackend() {
        return new LocalBackend(directory);
    }

    @Test
    void aWriteToAShareThatIsGoneFailsAndLeavesNoEmptyFolderInItsPlace() throws Exception {
        Path share = directory.resolve("share");
        Files.createDirectory(share);
        LocalBackend backend = new LocalBackend(share);
        backend.put("data/ab/first", Content.ofBytes(new byte[] {1}));
        Files.move(share, directory.resolve("share-unmounted"));

        BackendException failure = assertThrows(BackendException.class,
                () -> backend.put("data/cd/second", Content.ofBytes(new byte[] {2})));

        assertTrue(failure.getMessage().contains("repository directory is missing"), failure.getMessage());
        assertFalse(Files.exists(share), "the missing share was created again");
    }
}
