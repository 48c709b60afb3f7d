package dev.sfbackup.storage.repository.format;

import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import java.nio.file.Files;

class LocalContentRepositoryTest extends ContentRepositoryContractTest {

    @Override
    protected Backend newBackend() throws Exception {
        return new LocalBackend(Files.createTempDirectory(spool, "repo"));
    }
}
