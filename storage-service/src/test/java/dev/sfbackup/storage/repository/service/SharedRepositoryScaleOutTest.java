package dev.sfbackup.storage.repository.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.storage.repository.backend.LocalBackend;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.FormatRecords.ChunkRef;
import dev.sfbackup.storage.repository.format.FormatRecords.FileManifest;
import dev.sfbackup.storage.repository.persistence.RepositoryLeases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two storage stacks, as two storage-service instances have them (each its own open repository and in-memory index),
 * over one repository directory and one database, coordinated only through the PostgreSQL leases: both upload while
 * garbage collection runs again and again on the first, with no grace period, and files are dropped as they go so GC
 * has packs to delete. Every file still referenced must then read back whole, through a third, freshly opened stack,
 * and verify with every pack read must find nothing damaged.
 */
@QuarkusTest
class SharedRepositoryScaleOutTest {

    private static final int FILES_PER_INSTANCE = 12;

    @Inject
    RepositoryLeases leases;

    @Inject
    RepositoryConnector connector;

    private record Recorded(FileManifest manifest, byte[] content) {
    }

    @Test
    void uploadsThroughTwoInstancesWhileOneCollectsGarbageLoseNothingReferenced() throws Exception {
        Path directory = Files.createTempDirectory("sfbackup-shared");
        UUID repositoryId = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("name", "shared-" + UUID.randomUUID(), "kind", "LOCAL", "path", directory.toString()))
                .post("/api/v1/repositories").then().statusCode(201).extract().path("id"));
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        Map<String, Recorded> live = new ConcurrentHashMap<>();
        AtomicInteger collections = new AtomicInteger();
        try (ContentRepository first = open(directory, repositoryId, renewals);
                ContentRepository second = open(directory, repositoryId, renewals)) {
            AtomicBoolean uploading = new AtomicBoolean(true);
            Future<?> a = workers.submit(() -> upload(first, "a", live));
            Future<?> b = workers.submit(() -> upload(second, "b", live));
            Future<?> gc = workers.submit(() -> {
                while (uploading.get()) {
                    first.collectGarbage(() -> referencedChunks(live), Instant.now());
                    collections.incrementAndGet();
                }
                return null;
            });
            a.get();
            b.get();
            uploading.set(false);
            gc.get();
            first.collectGarbage(() -> referencedChunks(live), Instant.now());
        } finally {
            workers.shutdownNow();
        }
        try (ContentRepository fresh = open(directory, repositoryId, renewals)) {
            assertTrue(collections.get() > 0, "garbage collection ran while both instances uploaded");
            assertTrue(live.size() >= FILES_PER_INSTANCE, "files kept: " + live.size());
            for (Map.Entry<String, Recorded> file : live.entrySet()) {
                FileManifest manifest = file.getValue().manifest();
                try (InputStream in = fresh.readVerified(manifest.chunks(), manifest.size(), manifest.sha256())) {
                    assertArrayEquals(file.getValue().content(), in.readAllBytes(), file.getKey());
                }
            }
            ContentRepository.VerifyOutcome verified = fresh.verify(100);
            assertEquals(List.of(), verified.damagedPacks());
            assertEquals(List.of(), verified.damagedIndexFiles());
        } finally {
            renewals.shutdownNow();
        }
    }

    private ContentRepository open(Path directory, UUID repositoryId, ScheduledExecutorService renewals) throws IOException {
        LeasedCoordination coordination = new LeasedCoordination(repositoryId, leases, Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofMinutes(5), renewals);
        return ContentRepository.initOrOpen(new LocalBackend(directory), connector.secretBox(), directory.resolveSibling(directory.getFileName()
                + "-spool-" + UUID.randomUUID()), 256 * 1024, coordination);
    }

    /**
     * Stores files built from a shared pool of blocks (so each instance deduplicates against the other's and against
     * dropped files' chunks) and drops every third one, so garbage collection finds unreferenced packs.
     */
    private static Void upload(ContentRepository repository, String instance, Map<String, Recorded> live) throws IOException {
        Random random = new Random(instance.hashCode());
        List<byte[]> blocks = new ArrayList<>();
        Random shared = new Random(7);
        for (int i = 0; i < 6; i++) {
            byte[] block = new byte[1024 * 1024];
            shared.nextBytes(block);
            blocks.add(block);
        }
        for (int i = 0; i < FILES_PER_INSTANCE * 3 / 2; i++) {
            byte[] content = fileOf(blocks, random);
            String name = instance + "-" + i;
            repository.store(new ByteArrayInputStream(content), stored -> live.put(name, new Recorded(stored.manifest(), content)));
            if (i % 3 == 2) {
                live.remove(name);
            }
        }
        return null;
    }

    private static byte[] fileOf(List<byte[]> blocks, Random random) {
        byte[] unique = new byte[512 * 1024];
        random.nextBytes(unique);
        byte[] first = blocks.get(random.nextInt(blocks.size()));
        byte[] second = blocks.get(random.nextInt(blocks.size()));
        byte[] content = new byte[first.length + unique.length + second.length];
        System.arraycopy(first, 0, content, 0, first.length);
        System.arraycopy(unique, 0, content, first.length, unique.length);
        System.arraycopy(second, 0, content, first.length + unique.length, second.length);
        return content;
    }

    private static Set<String> referencedChunks(Map<String, Recorded> live) {
        Set<String> chunks = new HashSet<>();
        for (Recorded file : live.values()) {
            file.manifest().chunks().stream().map(ChunkRef::id).forEach(chunks::add);
        }
        return chunks;
    }
}
