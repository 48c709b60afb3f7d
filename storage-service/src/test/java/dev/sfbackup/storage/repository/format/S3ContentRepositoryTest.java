package dev.sfbackup.storage.repository.format;

import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.InProcessS3Server;
import dev.sfbackup.storage.repository.backend.S3Backend;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class S3ContentRepositoryTest extends ContentRepositoryContractTest {

    private static InProcessS3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new InProcessS3Server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected Backend newBackend() {
        String bucket = "repo-" + UUID.randomUUID().toString().substring(0, 8);
        server.createBucket(bucket);
        return new S3Backend(server.settings(bucket, "backups"));
    }
}
