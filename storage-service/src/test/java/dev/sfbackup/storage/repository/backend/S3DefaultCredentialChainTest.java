package dev.sfbackup.storage.repository.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An S3 repository without stored keys signs in with what the AWS default credential chain finds; here its Java
 * system properties step (aws.accessKeyId, aws.secretAccessKey), the same chain that finds IRSA tokens and instance roles.
 */
class S3DefaultCredentialChainTest {

    private static InProcessS3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new InProcessS3Server();
        server.createBucket("chain");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static S3Settings chainSettings() {
        return new S3Settings(server.endpoint(), InProcessS3Server.REGION, "chain", "p", new S3Credentials.DefaultChain(), true);
    }

    @Test
    void signsInWithTheCredentialsTheChainFinds() throws Exception {
        System.setProperty("aws.accessKeyId", InProcessS3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", InProcessS3Server.SECRET_KEY);
        try (S3Backend backend = new S3Backend(chainSettings())) {
            backend.putBytes("hello", "from the chain".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("from the chain".getBytes(StandardCharsets.UTF_8), backend.readAll("hello"));
        }
    }

    @Test
    void wrongCredentialsFromTheChainAreAPermanentFailure() {
        System.setProperty("aws.accessKeyId", InProcessS3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", "not-the-secret");
        try (S3Backend backend = new S3Backend(chainSettings())) {
            assertThrows(BackendException.Permanent.class, () -> backend.putBytes("refused", new byte[] {1}));
        }
    }
}
