package dev.sfbackup.storage.repository.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.format.ContentRepository.StoredContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository format's behaviour, run against every backend kind. */
public abstract class ContentRepositoryContractTest {

    static final SecretBox KEY_BOX = SecretBox.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
    static final long SMALL_PACKS = 4L * 1024 * 1024;

    @TempDir
    Path spool;

    Backend backend;
    ContentRepository repository;

    protected abstract Backend newBackend() throws Exception;

    @BeforeEach
    void open() throws Exception {
        backend = newBackend();
        repository = ContentRepository.initOrOpen(backend, KEY_BOX, spool, SMALL_PACKS);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    StoredContent store(byte[] content) throws IOException {
        return repository.store(new ByteArrayInputStream(content), stored -> { });
    }

    byte[] readBack(StoredContent stored) throws IOException {
        try (InputStream in = repository.readVerified(stored.manifest().chunks(), stored.manifest().size(), stored.manifest().sha256())) {
            return in.readAllBytes();
        }
    }

    @Test
    void emptyFileRoundTrips() throws IOException {
        StoredContent stored = store(new byte[0]);
        assertEquals(0, stored.manifest().size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.manifest().sha256());
        assertArrayEquals(new byte[0], readBack(stored));
    }

    @Test
    void tinyFileRoundTrips() throws IOException {
        byte[] content = "hello, attachment".getBytes();
        assertArrayEquals(content, readBack(store(content)));
    }

    @Test
    void largeFileRoundTripsAcrossSeveralPacks() throws IOException {
        byte[] content = random(20 * 1024 * 1024 + 123, 7);
        StoredContent stored = store(content);
        assertTrue(stored.manifest().chunks().size() >= 5, "20 MiB should make several ~1 MiB chunks");
        assertTrue(stored.manifest().chunks().stream().allMatch(c -> c.length() <= FastCdcChunker.MAX_SIZE));
        assertTrue(repository.packCount() >= 4, "4 MiB pack target should give several packs");
        assertArrayEquals(content, readBack(stored));
    }

    @Test
    void compressibleContentIsStoredSmaller() throws IOException {
        byte[] content = "{\"Id\":\"001000000000001\",\"Name\":\"Acme\"}\n".repeat(100_000).getBytes();
        StoredContent stored = store(content);
        assertTrue(stored.storedBytes() < content.length / 10, "stored " + stored.storedBytes());
        assertArrayEquals(content, readBack(stored));
    }

    @Test
    void duplicatedFileStoresNothingNew() throws IOException {
        byte[] content = random(6 * 1024 * 1024, 8);
        StoredContent first = store(content);
        int packs = repository.packCount();
        StoredContent second = store(content);
        assertEquals(content.length, first.newBytes());
        assertEquals(0, second.newBytes());
        assertEquals(content.length, second.dedupBytes());
        assertEquals(packs, repository.packCount());
        assertArrayEquals(content, readBack(second));
    }

    @Test
    void fileChangedInTheMiddleStoresOnlyTheAffectedChunks() throws IOException {
        byte[] original = random(16 * 1024 * 1024, 9);
        StoredContent first = store(original);
        byte[] changed = original.clone();
        for (int i = 0; i < 100; i++) {
            changed[8 * 1024 * 1024 + i] ^= 0x5a;
        }
        StoredContent second = store(changed);
        assertTrue(second.newBytes() > 0);
        assertTrue(second.newBytes() <= 2L * FastCdcChunker.MAX_SIZE, "re-stored " + second.newBytes() + " bytes");
        assertTrue(second.dedupBytes() >= changed.length - 2L * FastCdcChunker.MAX_SIZE);
        Set<String> firstIds = new HashSet<>(first.manifest().chunks().stream().map(c -> c.id()).toList());
        List<FormatRecords.ChunkRef> differing = second.manifest().chunks().stream()
                .filter(c -> !firstIds.contains(c.id())).toList();
        assertEquals(second.newBytes(), differing.stream().mapToLong(FormatRecords.ChunkRef::length).sum(),
                "the new bytes are those of the chunks the first version did not have");
        assertArrayEquals(changed, readBack(second));
    }

    @Test
    void rangeReadReturnsTheRequestedBytes() throws IOException {
        byte[] content = random(5 * 1024 * 1024, 10);
        StoredContent stored = store(content);
        long from = 1_500_000;
        long to = 3_700_001;
        try (InputStream in = repository.read(stored.manifest().chunks(), from, to)) {
            assertArrayEquals(Arrays.copyOfRange(content, (int) from, (int) to), in.readAllBytes());
        }
    }

    @Test
    void reopenedRepositoryStillDeduplicates() throws Exception {
        byte[] content = random(3 * 1024 * 1024, 11);
        store(content);
        ContentRepository reopened = ContentRepository.initOrOpen(backend, KEY_BOX, spool, SMALL_PACKS);
        StoredContent again = reopened.store(new ByteArrayInputStream(content), s -> { });
        assertEquals(0, again.newBytes());
    }

    @Test
    void wrongRepositoryKeyIsRefused() {
        SecretBox other = SecretBox.fromBase64Key(Base64.getEncoder().encodeToString(random(32, 1)));
        BackendException error = assertThrows(BackendException.Permanent.class, () -> ContentRepository.initOrOpen(backend, other, spool, SMALL_PACKS));
        assertTrue(error.getMessage().contains("repository key"));
    }

    @Test
    void concurrentPipelineStoresExactlyWhatASequentialPassComputes() throws Exception {
        byte[] repeated = random(8 * 1024 * 1024, 21);
        // Ends in 3 x MAX_SIZE zero bytes: whatever the repository's gear table, the chunks cut wholly inside a run of
        // equal bytes are equal, so the content repeats chunks within itself for every key, not just for most.
        byte[] content = new byte[22 * 1024 * 1024 + 3 * FastCdcChunker.MAX_SIZE];
        System.arraycopy(random(6 * 1024 * 1024, 22), 0, content, 0, 6 * 1024 * 1024);
        System.arraycopy(repeated, 0, content, 6 * 1024 * 1024, repeated.length);
        System.arraycopy(repeated, 0, content, 14 * 1024 * 1024, repeated.length);
        StoredContent stored = store(content);

        RepositoryKeys keys = repository.keys();
        List<FormatRecords.ChunkRef> expected = new ArrayList<>();
        FastCdcChunker chunker = new FastCdcChunker(new ByteArrayInputStream(content), keys.gearTable());
        for (FastCdcChunker.Chunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            expected.add(new FormatRecords.ChunkRef(RepositoryKeys.chunkId(keys.newChunkMac(), chunk.buffer(), chunk.offset(), chunk.length()), chunk.length()));
        }
        assertEquals(expected, stored.manifest().chunks(), "same cuts and ids, in stream order");
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)), stored.manifest().sha256());

        List<String> firstSeen = expected.stream().map(FormatRecords.ChunkRef::id).distinct().toList();
        assertTrue(firstSeen.size() < expected.size(), "the content repeats chunks within itself");
        List<Backend.ObjectInfo> indexFiles = backend.list("index/");
        assertEquals(1, indexFiles.size(), "one index file per store");
        FormatRecords.IndexFile index = new SealedDocuments(new BlobCipher(keys.aesKey()))
                .open(backend.readAll(indexFiles.getFirst().name()), "index", FormatRecords.IndexFile.class);
        List<String> packed = index.packs().stream().flatMap(p -> p.blobs().stream()).map(FormatRecords.IndexedBlob::id).toList();
        assertEquals(firstSeen, packed, "every new chunk packed once, in stream order");
        for (FormatRecords.IndexedPack pack : index.packs().subList(0, index.packs().size() - 1)) {
            FormatRecords.IndexedBlob last = pack.blobs().getLast();
            assertTrue(last.offset() + last.length() >= SMALL_PACKS, "a pack is cut only once it reaches the target size");
        }
        assertArrayEquals(content, readBack(stored));
    }

    @Test
    void keysAndDataAreNotReadableWithoutTheKey() throws IOException {
        byte[] content = "a very recognizable secret sentence".repeat(1000).getBytes();
        store(content);
        for (Backend.ObjectInfo object : backend.list("")) {
            String stored = new String(backend.readAll(object.name()), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains("recognizable"), object.name() + " leaks plaintext");
        }
    }

    @Test
    void interruptedUploadIndexesNothingAndRecordsNothing() throws IOException {
        byte[] content = random(24 * 1024 * 1024, 12);
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(content);
            private long read;

            @Override
            public int read() throws IOException {
                throw new IOException("unused");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 20 * 1024 * 1024) {
                    throw new IOException("client went away");
                }
                int n = in.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        List<StoredContent> recorded = new ArrayList<>();
        IOException thrown = assertThrows(IOException.class, () -> repository.store(failing, recorded::add));
        assertEquals("client went away", thrown.getMessage());
        assertTrue(recorded.isEmpty());
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(spool)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().startsWith("pack-")).toList(), "no spooled pack is left behind");
        }
        assertTrue(backend.list("index/").isEmpty(), "no index file for an interrupted upload");
        ContentRepository.GcOutcome gc = repository.collectGarbage(Set.of(), Instant.now().minusSeconds(3600));
        assertEquals(0, gc.orphanPacksDeleted(), "orphans get a grace period from when GC first sees them");
        assertFalse(backend.list("data/").isEmpty());
        repository.collectGarbage(Set.of(), Instant.now().plusSeconds(3600));
        assertTrue(backend.list("data/").isEmpty(), "GC removes the packs of the interrupted upload");
    }

    @Test
    void corruptedPackIsFoundByVerify() throws IOException {
        StoredContent stored = store(random(2 * 1024 * 1024, 13));
        assertTrue(repository.verify(100).damagedPacks().isEmpty());
        String pack = backend.list("data/").getFirst().name();
        byte[] bytes = backend.readAll(pack);
        bytes[100] ^= 1;
        backend.putBytes(pack, bytes);
        ContentRepository.VerifyOutcome structural = repository.verify(0);
        assertTrue(structural.damagedPacks().isEmpty(), "a flipped data byte needs a data read to be seen");
        ContentRepository.VerifyOutcome full = repository.verify(100);
        assertEquals(1, full.damagedPacks().size());
        assertTrue(full.damagedPacks().getFirst().chunkIds().contains(stored.manifest().chunks().getFirst().id()));
        assertThrows(CorruptDataException.class, () -> readBack(stored));
    }

    @Test
    void missingPackIsFoundByStructuralVerify() throws IOException {
        store(random(1024 * 1024, 14));
        backend.delete(backend.list("data/").getFirst().name());
        ContentRepository.VerifyOutcome outcome = repository.verify(0);
        assertEquals(1, outcome.damagedPacks().size());
        assertEquals("pack is missing", outcome.damagedPacks().getFirst().reason());
    }

    @Test
    void garbageCollectionReadsLiveChunksOnlyAfterRunningUploadsRecordedTheirFiles() throws Exception {
        byte[] content = random(2 * 1024 * 1024, 31);
        StoredContent first = store(content);
        Set<String> recorded = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch recording = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayRecord = new java.util.concurrent.CountDownLatch(1);
        // own threads: the common pool may have a single worker on a small machine, and the upload blocks in its recorder
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CompletableFuture<StoredContent> upload = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return repository.store(new ByteArrayInputStream(content), stored -> {
                    recording.countDown();
                    try {
                        mayRecord.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    stored.manifest().chunks().forEach(c -> recorded.add(c.id()));
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
        recording.await();
        java.util.concurrent.CompletableFuture<ContentRepository.GcOutcome> gc = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return repository.collectGarbage(() -> Set.copyOf(recorded), Instant.now().plusSeconds(3600));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads);
        while (!repository.garbageCollectionPending()) {
            Thread.onSpinWait();
        }
        mayRecord.countDown();
        assertEquals(0, upload.get().newBytes(), "the second upload deduplicated against the first one's pack");
        assertEquals(0, gc.get().packsDeleted(), "the pack the running upload recorded is live");
        assertArrayEquals(content, readBack(first));
        threads.shutdown();
    }

    @Test
    void garbageCollectionKeepsReferencedChunksAndFreesTheRest() throws IOException {
        StoredContent kept = store(random(3 * 1024 * 1024, 15));
        store(random(3 * 1024 * 1024, 16));
        Set<String> referenced = new HashSet<>(kept.manifest().chunks().stream().map(c -> c.id()).toList());
        ContentRepository.GcOutcome withinGrace = repository.collectGarbage(referenced, Instant.now().minusSeconds(3600));
        assertEquals(0, withinGrace.packsDeleted(), "young packs are kept during the grace period");
        ContentRepository.GcOutcome outcome = repository.collectGarbage(referenced, Instant.now().plusSeconds(1));
        assertEquals(1, outcome.packsDeleted());
        assertArrayEquals(random(3 * 1024 * 1024, 15), readBack(kept));
        assertTrue(repository.verify(100).damagedPacks().isEmpty());
        ContentRepository reopened = ContentRepository.initOrOpen(backend, KEY_BOX, spool, SMALL_PACKS);
        assertEquals(repository.packCount(), reopened.packCount());
    }

    @Test
    void erasingChunksRewritesTheirPackAroundTheChunksOthersStillUse() throws IOException {
        byte[] shared = random(3 * 1024 * 1024, 17);
        byte[] both = new byte[shared.length + 2 * 1024 * 1024];
        System.arraycopy(shared, 0, both, 0, shared.length);
        System.arraycopy(random(2 * 1024 * 1024, 18), 0, both, shared.length, 2 * 1024 * 1024);
        StoredContent erased = store(both);
        StoredContent kept = store(shared);
        assertTrue(kept.dedupBytes() > 0, "the kept file shares chunks with the erased one's pack");
        Set<String> keptChunks = new HashSet<>(kept.manifest().chunks().stream().map(c -> c.id()).toList());
        Set<String> candidates = new HashSet<>(erased.manifest().chunks().stream().map(c -> c.id()).toList());

        ContentRepository.EraseOutcome outcome = repository.eraseChunks(candidates, () -> keptChunks);

        Set<String> unique = new HashSet<>(candidates);
        unique.removeAll(keptChunks);
        assertEquals(unique, outcome.chunksRemoved());
        assertTrue(outcome.packsRewritten() > 0);
        assertArrayEquals(shared, readBack(kept));
        assertTrue(repository.verify(100).damagedPacks().isEmpty());
        ContentRepository reopened = ContentRepository.initOrOpen(backend, KEY_BOX, spool, SMALL_PACKS);
        assertTrue(unique.stream().noneMatch(reopened::contains), "no pack or index holds an erased chunk");
        assertTrue(keptChunks.stream().allMatch(reopened::contains));
        assertTrue(reopened.verify(100).damagedPacks().isEmpty());
    }
}
