package dev.sfbackup.storage.repository.format;

import dev.sfbackup.common.crypto.SecretBox;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.BackendException;
import dev.sfbackup.storage.repository.backend.Content;
import dev.sfbackup.storage.repository.format.FormatRecords.ChunkRef;
import dev.sfbackup.storage.repository.format.FormatRecords.FileManifest;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexFile;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexedBlob;
import dev.sfbackup.storage.repository.format.FormatRecords.IndexedPack;
import dev.sfbackup.storage.repository.format.FormatRecords.RepositoryConfig;
import dev.sfbackup.storage.repository.format.FormatRecords.StoredKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.crypto.Mac;

/**
 * One repository in the format of FORMAT.md over a {@link Backend}: stores streams as deduplicated, compressed, encrypted
 * chunks in packs, reads them back verified, checks and garbage-collects. The chunk index is held in memory, loaded from
 * the index files at open and extended by this process's own writes.
 */
public final class ContentRepository implements AutoCloseable {

    public static final int FORMAT_VERSION = 1;
    public static final long DEFAULT_PACK_TARGET = 32L * 1024 * 1024;
    static final String CONFIG = "config";
    static final String KEYS = "keys/master";

    private final Backend backend;
    private final RepositoryKeys keys;
    private final BlobCipher cipher;
    private final SealedDocuments documents;
    private final long[] gear;
    private final Path spoolDirectory;
    private final long packTarget;
    private final Map<String, BlobLocation> index = new ConcurrentHashMap<>();
    private final Map<String, List<String>> packsByIndexFile = new ConcurrentHashMap<>();
    private final Map<String, IndexedPack> packs = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock gcLock = new ReentrantReadWriteLock();
    private final ThreadLocal<Mac> chunkMac;
    private final RepositoryCoordination coordination;
    /** The index generation the in-memory index was read at. */
    private long indexGeneration;

    /** Hashing, compression, encryption and packing of chunks run here; ENCODE_WINDOW bounds the chunks held in memory per store. */
    private static final int ENCODER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final int ENCODE_WINDOW = 2 * ENCODER_THREADS + 2;
    private static final ExecutorService ENCODERS = Executors.newFixedThreadPool(
            ENCODER_THREADS, Thread.ofPlatform().daemon().name("chunk-encoder-", 0).factory());
    /** Finishing and uploading (LOCAL: fsync) a full pack overlaps with filling the next one. */
    private static final int UPLOADS_IN_FLIGHT = 2;
    private static final ExecutorService READERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("read-ahead-", 0).factory());
    private static final ExecutorService PACK_UPLOADS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("pack-upload-", 0).factory());

    private ContentRepository(Backend backend, RepositoryKeys keys, Path spoolDirectory, long packTarget,
                              RepositoryCoordination coordination) {
        this.backend = backend;
        this.coordination = coordination;
        this.keys = keys;
        this.cipher = new BlobCipher(keys.aesKey());
        this.documents = new SealedDocuments(cipher);
        this.gear = keys.gearTable();
        this.spoolDirectory = spoolDirectory;
        this.packTarget = packTarget;
        this.chunkMac = ThreadLocal.withInitial(keys::newChunkMac);
    }

    /**
     * Opens the repository in {@code backend}, initializing it first when it holds no config (new keys are generated and
     * stored sealed with {@code keyBox}).
     */
    public static ContentRepository initOrOpen(Backend backend, SecretBox keyBox, Path spoolDirectory, long packTarget) throws IOException {
        return initOrOpen(backend, keyBox, spoolDirectory, packTarget, RepositoryCoordination.inProcess());
    }

    /** Like {@link #initOrOpen(Backend, SecretBox, Path, long)}, coordinated with other processes writing the repository. */
    public static ContentRepository initOrOpen(Backend backend, SecretBox keyBox, Path spoolDirectory, long packTarget,
                                               RepositoryCoordination coordination) throws IOException {
        RepositoryConfig config;
        RepositoryKeys keys;
        try {
            config = SealedDocuments.readPlainJson(backend.readAll(CONFIG), RepositoryConfig.class);
            keys = openKeys(backend, keyBox, config);
        } catch (BackendException.NotFound absent) {
            config = new RepositoryConfig(FORMAT_VERSION, UUID.randomUUID().toString(), "fastcdc-gear-v1",
                    FastCdcChunker.MIN_SIZE, FastCdcChunker.AVERAGE_SIZE, FastCdcChunker.MAX_SIZE,
                    "HMAC-SHA-256", "zstd", "AES-256-GCM");
            keys = RepositoryKeys.generate();
            Base64.Encoder b64 = Base64.getEncoder();
            StoredKeys stored = new StoredKeys(FORMAT_VERSION, b64.encodeToString(keys.hmacKey()), b64.encodeToString(keys.aesKey()), keys.chunkerSeed());
            String sealed = keyBox.seal(new String(SealedDocuments.plainJson(stored), StandardCharsets.UTF_8), keysAad(config));
            backend.putBytes(KEYS, sealed.getBytes(StandardCharsets.UTF_8));
            backend.putBytes(CONFIG, SealedDocuments.plainJson(config));
        }
        if (config.version() != FORMAT_VERSION) {
            throw new BackendException.Permanent("repository format version " + config.version() + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        Files.createDirectories(spoolDirectory);
        ContentRepository repository = new ContentRepository(backend, keys, spoolDirectory, packTarget, coordination);
        repository.indexGeneration = coordination.generation();
        repository.loadIndex();
        return repository;
    }

    private static RepositoryKeys openKeys(Backend backend, SecretBox keyBox, RepositoryConfig config) throws IOException {
        String sealed = new String(backend.readAll(KEYS), StandardCharsets.UTF_8);
        String json;
        try {
            json = keyBox.open(sealed, keysAad(config));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BackendException.Permanent("cannot open the repository keys: the configured repository key does not match this repository");
        }
        StoredKeys stored = SealedDocuments.readPlainJson(json.getBytes(StandardCharsets.UTF_8), StoredKeys.class);
        Base64.Decoder b64 = Base64.getDecoder();
        return new RepositoryKeys(b64.decode(stored.hmacKey()), b64.decode(stored.aesKey()), stored.chunkerSeed());
    }

    /**
     * Seals the repository's keys anew with the box's current key when they are still sealed with its previous key (the
     * middle step of an encryption key rotation); keys/master is replaced in one atomic write, so a crash leaves it
     * sealed with one key or the other. Returns whether it was resealed.
     */
    public static boolean resealKeys(Backend backend, SecretBox keyBox) throws IOException {
        RepositoryConfig config = SealedDocuments.readPlainJson(backend.readAll(CONFIG), RepositoryConfig.class);
        String sealed = new String(backend.readAll(KEYS), StandardCharsets.UTF_8);
        java.util.Optional<String> renewed;
        try {
            renewed = keyBox.resealIfPrevious(sealed, keysAad(config));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BackendException.Permanent("cannot open the repository keys: neither the current nor the previous encryption key opens them");
        }
        if (renewed.isEmpty()) {
            return false;
        }
        backend.putBytes(KEYS, renewed.get().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static String keysAad(RepositoryConfig config) {
        return "sfbackup-repository-keys:" + config.id();
    }

    private void loadIndex() throws IOException {
        for (Backend.ObjectInfo file : backend.list("index/")) {
            IndexFile indexFile = documents.open(backend.readAll(file.name()), "index", IndexFile.class);
            addToIndex(file.name(), indexFile);
        }
    }

    /**
     * Reads the index anew when another process removed packs since it was read (its generation moved): deduplicating
     * against a chunk of a deleted pack would record a file whose data is gone. The caller holds the coordination.
     */
    private void reloadIndexIfChanged(long generation) throws IOException {
        if (generation == indexGeneration) {
            return;
        }
        gcLock.writeLock().lock();
        try {
            if (generation != indexGeneration) {
                index.clear();
                packs.clear();
                packsByIndexFile.clear();
                loadIndex();
                indexGeneration = generation;
            }
        } finally {
            gcLock.writeLock().unlock();
        }
    }

    /** Adds index files written by another writer since this repository was opened (a backup cache upload). */
    public void loadNewIndexFiles() throws IOException {
        for (Backend.ObjectInfo file : backend.list("index/")) {
            if (!packsByIndexFile.containsKey(file.name())) {
                addToIndex(file.name(), documents.open(backend.readAll(file.name()), "index", IndexFile.class));
            }
        }
    }

    private void addToIndex(String indexName, IndexFile indexFile) {
        List<String> packIds = new ArrayList<>();
        for (IndexedPack pack : indexFile.packs()) {
            packIds.add(pack.id());
            packs.put(pack.id(), pack);
            for (IndexedBlob blob : pack.blobs()) {
                index.putIfAbsent(blob.id(), new BlobLocation(blob.id(), pack.id(), blob.offset(), blob.length(),
                        blob.rawLength(), Compression.ofCode(blob.compression())));
            }
        }
        packsByIndexFile.put(indexName, packIds);
    }

    RepositoryKeys keys() {
        return keys;
    }

    public Backend backend() {
        return backend;
    }

    public boolean contains(String chunkId) {
        return index.containsKey(chunkId);
    }

    public int packCount() {
        return packs.size();
    }

    static String packName(String packId) {
        return "data/" + packId.substring(0, 2) + "/" + packId;
    }

    /** The result of storing one stream. */
    public record StoredContent(FileManifest manifest, long newBytes, long dedupBytes, long storedBytes) {
    }

    /** Runs after the data and index are durable and before the GC may run again: record the new file here. */
    public interface Recorder {
        void record(StoredContent stored) throws IOException;
    }

    /**
     * Chunks, deduplicates, packs and uploads {@code in}; then writes the index file of the new packs, then calls
     * {@code recorder} (which writes the file manifest and its database row). A failure before the recorder leaves only
     * unindexed or unreferenced packs, which garbage collection removes.
     */
    public StoredContent store(InputStream in, Recorder recorder) throws IOException {
        try (RepositoryCoordination.Hold hold = coordination.shared()) {
            reloadIndexIfChanged(hold.generation());
            gcLock.readLock().lock();
            try {
                StoredContent stored = chunkAndPack(in);
                recorder.record(stored);
                return stored;
            } finally {
                gcLock.readLock().unlock();
            }
        }
    }

    /** A chunk after hashing and (unless already stored) compressing and sealing; sealed is null for a known chunk. */
    private record EncodedChunk(String id, int length, byte[] sealed, Compression compression) {
    }

    private EncodedChunk encode(byte[] chunk) {
        String id = RepositoryKeys.chunkId(chunkMac.get(), chunk, 0, chunk.length);
        if (index.containsKey(id)) {
            return new EncodedChunk(id, chunk.length, null, null);
        }
        byte[] compressed = Compression.compressIfSmaller(chunk, 0, chunk.length);
        return compressed == null
                ? new EncodedChunk(id, chunk.length, cipher.seal(chunk, 0, chunk.length, id), Compression.NONE)
                : new EncodedChunk(id, chunk.length, cipher.seal(compressed, 0, compressed.length, id), Compression.ZSTD);
    }

    /**
     * The state of one store: chunks hashed, compressed and sealed on the encoder pool are appended here in stream order;
     * full packs are finished and uploaded on the upload pool while the next pack fills.
     */
    private final class Upload implements AutoCloseable {
        final List<ChunkRef> chunks = new ArrayList<>();
        final Set<String> pending = new HashSet<>();
        final List<IndexedPack> written = new ArrayList<>();
        final ArrayDeque<Future<IndexedPack>> uploading = new ArrayDeque<>();
        long newBytes;
        long dedupBytes;
        long storedBytes;
        PackWriter pack;

        void addUnchecked(EncodedChunk chunk) {
            try {
                add(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(EncodedChunk chunk) throws IOException {
            chunks.add(new ChunkRef(chunk.id(), chunk.length()));
            if (chunk.sealed() == null || index.containsKey(chunk.id()) || !pending.add(chunk.id())) {
                dedupBytes += chunk.length();
                return;
            }
            if (pack == null) {
                pack = new PackWriter(spoolDirectory);
            }
            pack.add(chunk.id(), chunk.sealed(), chunk.length(), chunk.compression());
            newBytes += chunk.length();
            storedBytes += chunk.sealed().length;
            if (pack.size() >= packTarget) {
                uploadPack();
            }
        }

        private void uploadPack() throws IOException {
            PackWriter full = pack;
            pack = null;
            uploading.add(PACK_UPLOADS.submit(() -> upload(full)));
            if (uploading.size() > UPLOADS_IN_FLIGHT) {
                written.add(await(uploading.poll()));
            }
        }

        /** Uploads the last pack and waits for all uploads: afterwards every new chunk is durable in a pack. */
        List<IndexedPack> finish() throws IOException {
            if (pack != null) {
                uploadPack();
            }
            while (!uploading.isEmpty()) {
                written.add(await(uploading.poll()));
            }
            return written;
        }

        /** Never leaves an upload running behind a failed store (it would outlive the GC lock). */
        @Override
        public void close() throws IOException {
            for (Future<IndexedPack> upload : uploading) {
                try {
                    upload.get();
                } catch (ExecutionException | CancellationException e) {
                    // the store is failing already; its own error is the one to report
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (pack != null) {
                pack.close();
            }
        }
    }

    /**
     * The reading thread only cuts chunks. On the encoder pool, each chunk is hashed, compressed and sealed in parallel,
     * while two chains keep what must stay in stream order serial: the whole-file SHA-256, and the appends to the packs
     * (which run as soon as a chunk and all chunks before it are encoded). At most ENCODE_WINDOW chunks wait for packing.
     */
    private StoredContent chunkAndPack(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        ArrayDeque<CompletableFuture<Void>> unpacked = new ArrayDeque<>();
        CompletableFuture<Void> digested = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> packed = CompletableFuture.completedFuture(null);
        long size = 0;
        try (Upload upload = new Upload(); ReadAheadInputStream source = new ReadAheadInputStream(in, 1 << 20, 4, READERS)) {
            FastCdcChunker chunker = new FastCdcChunker(source, gear);
            try {
                for (FastCdcChunker.Chunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
                    size += chunk.length();
                    byte[] copy = Arrays.copyOfRange(chunk.buffer(), chunk.offset(), chunk.offset() + chunk.length());
                    digested = digested.thenRunAsync(() -> CryptoSlices.update(sha256, copy, 0, copy.length), ENCODERS);
                    CompletableFuture<EncodedChunk> encoded = CompletableFuture.supplyAsync(() -> encode(copy), ENCODERS);
                    packed = packed.thenAcceptBothAsync(encoded, (previous, chunkToPack) -> upload.addUnchecked(chunkToPack), ENCODERS);
                    unpacked.add(packed);
                    if (unpacked.size() >= ENCODE_WINDOW) {
                        join(unpacked.poll());
                    }
                }
                join(packed);
                join(digested);
            } finally {
                settle(packed);
                settle(digested);
            }
            List<IndexedPack> written = upload.finish();
            if (!written.isEmpty()) {
                IndexFile indexFile = new IndexFile(FORMAT_VERSION, written);
                String indexName = "index/" + randomId();
                backend.putBytes(indexName, documents.seal(indexFile, "index"));
                addToIndex(indexName, indexFile);
            }
            FileManifest manifest = new FileManifest(FORMAT_VERSION, size, HexFormat.of().formatHex(sha256.digest()), upload.chunks);
            return new StoredContent(manifest, upload.newBytes, upload.dedupBytes, upload.storedBytes);
        }
    }

    private static void join(CompletableFuture<?> future) throws IOException {
        try {
            future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("storing failed", cause);
        }
    }

    /** Waits for a chain's end without caring how it ended: no task may touch the upload after the store returned. */
    private static void settle(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException | CancellationException e) {
            // the store already fails with the first error
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("storing failed", e.getCause());
        }
    }

    private IndexedPack upload(PackWriter writer) throws IOException {
        try (writer) {
            PackWriter.FinishedPack finished = writer.finish(cipher);
            backend.put(packName(finished.id()), Content.ofFile(finished.file()));
            List<IndexedBlob> blobs = finished.blobs().stream()
                    .map(b -> new IndexedBlob(b.chunkId(), b.offset(), b.storedLength(), b.rawLength(), b.compression().code))
                    .toList();
            return new IndexedPack(finished.id(), finished.size(), Instant.now().toString(), blobs);
        }
    }

    public void writeManifest(String fileId, FileManifest manifest) throws IOException {
        backend.putBytes("files/" + fileId, documents.seal(manifest, "file"));
    }

    public FileManifest readManifest(String fileId) throws IOException {
        return documents.open(backend.readAll("files/" + fileId), "file", FileManifest.class);
    }

    public void deleteManifest(String fileId) throws IOException {
        backend.delete("files/" + fileId);
    }

    /** Reads, decrypts, decompresses and authenticates one chunk. */
    public byte[] readChunk(String chunkId) throws IOException {
        BlobLocation location = index.get(chunkId);
        if (location == null) {
            throw new CorruptDataException("chunk " + chunkId + " is not in the repository index");
        }
        byte[] sealed;
        try (InputStream in = backend.get(packName(location.packId()), location.offset(), location.storedLength())) {
            sealed = in.readNBytes(location.storedLength());
        }
        return decode(location, sealed);
    }

    private byte[] decode(BlobLocation location, byte[] sealed) {
        byte[] plain = location.compression().decompress(cipher.open(sealed, location.chunkId()), location.rawLength());
        Mac mac = chunkMac.get();
        if (!RepositoryKeys.chunkId(mac, plain, 0, plain.length).equals(location.chunkId())) {
            throw new CorruptDataException("chunk " + location.chunkId() + " does not match its id");
        }
        return plain;
    }

    /** Streams bytes [from, to) of a file made of {@code chunks}; every chunk is authenticated before it is served. */
    public InputStream read(List<ChunkRef> chunks, long from, long to) {
        return new ChunkSequenceInputStream(this, chunks, from, to);
    }

    /** Streams a whole file and fails at the end if its SHA-256 differs from {@code sha256}. */
    public InputStream readVerified(List<ChunkRef> chunks, long size, String sha256) {
        return new DigestVerifyingInputStream(read(chunks, 0, size), sha256);
    }

    // ---- verify ----

    public record DamagedPack(String packId, String reason, List<String> chunkIds) {
    }

    public record VerifyOutcome(int indexFiles, int packsChecked, int packsRead, long bytesRead, List<DamagedPack> damagedPacks,
                                List<String> damagedIndexFiles, List<String> unindexedPacks) {
    }

    /** Checks every indexed pack's presence, size and header; reads and authenticates every blob of {@code readDataPercent}% of the packs. */
    public VerifyOutcome verify(int readDataPercent) throws IOException {
        return new RepositoryVerifier(backend, cipher, documents, this::decode).verify(readDataPercent);
    }

    // ---- garbage collection ----

    public record GcOutcome(int packsDeleted, long bytesFreed, int indexFilesRewritten, int orphanPacksDeleted) {
    }

    /**
     * Deletes packs none of whose chunks is in {@code referenced} and that are older than {@code graceCutoff}, rewriting
     * the index files that listed them (new index first, then the old one is removed, then the packs). Unindexed packs
     * (left by interrupted uploads) older than the cutoff are removed too. Holds off concurrent stores in this process.
     */
    public GcOutcome collectGarbage(Set<String> referenced, Instant graceCutoff) throws IOException {
        return collectGarbage(() -> referenced, graceCutoff);
    }

    /** Reads the chunks that recorded files reference. */
    public interface LiveChunks {
        Set<String> read() throws IOException;
    }

    /**
     * Like {@link #collectGarbage(Set, Instant)}, reading the live chunks only once running stores have finished: a store
     * that completes while GC waits for it records chunks of old packs that an earlier read would have missed.
     */
    public GcOutcome collectGarbage(LiveChunks live, Instant graceCutoff) throws IOException {
        try (RepositoryCoordination.Hold hold = coordination.exclusive()) {
            reloadIndexIfChanged(hold.generation());
            GcOutcome outcome = collectGarbageHeld(live, graceCutoff);
            if (outcome.indexFilesRewritten() > 0) {
                indexGeneration = hold.advanceGeneration();
            }
            return outcome;
        }
    }

    private GcOutcome collectGarbageHeld(LiveChunks live, Instant graceCutoff) throws IOException {
        gcLock.writeLock().lock();
        try {
            // index files other processes wrote since this one read the index: their packs are not orphans
            loadNewIndexFiles();
            Set<String> referenced = live.read();
            Set<String> doomed = new HashSet<>();
            for (IndexedPack pack : packs.values()) {
                boolean used = pack.blobs().stream().anyMatch(b -> referenced.contains(b.id()));
                if (!used && Instant.parse(pack.created()).isBefore(graceCutoff)) {
                    doomed.add(pack.id());
                }
            }
            int rewritten = replaceIndexFilesWithout(doomed);
            long freed = 0;
            for (String packId : doomed) {
                IndexedPack pack = packs.remove(packId);
                pack.blobs().forEach(b -> index.computeIfPresent(b.id(), (id, location) -> location.packId().equals(packId) ? null : location));
                backend.delete(packName(packId));
                freed += pack.size();
            }
            int orphans = 0;
            Set<String> stillUnindexed = new HashSet<>();
            for (Backend.ObjectInfo object : backend.list("data/")) {
                String packId = object.name().substring(object.name().lastIndexOf('/') + 1);
                if (packs.containsKey(packId) || doomed.contains(packId)) {
                    continue;
                }
                if (isOlderThan(object.name(), graceCutoff)) {
                    backend.delete(object.name());
                    freed += object.size();
                    orphans++;
                } else {
                    stillUnindexed.add(object.name());
                }
            }
            coordination.retainUnindexed(stillUnindexed);
            return new GcOutcome(doomed.size(), freed, rewritten, orphans);
        } finally {
            gcLock.writeLock().unlock();
        }
    }

    public record EraseOutcome(Set<String> chunksRemoved, int packsRewritten, int indexFilesRewritten) {
    }

    /**
     * Removes chunks from the repository for an erasure: every pack holding one of them is rewritten without it (the
     * other blobs are copied sealed as they are), a new index file lists the new packs, the index files that listed
     * the old packs are replaced, then the old packs are deleted. Of {@code candidates} only chunks that {@code live}
     * (read once running stores have finished, as for GC) does not hold are removed.
     */
    public EraseOutcome eraseChunks(Set<String> candidates, LiveChunks live) throws IOException {
        try (RepositoryCoordination.Hold hold = coordination.exclusive()) {
            reloadIndexIfChanged(hold.generation());
            EraseOutcome outcome = eraseChunksHeld(candidates, live);
            if (outcome.indexFilesRewritten() > 0 || outcome.packsRewritten() > 0) {
                indexGeneration = hold.advanceGeneration();
            }
            return outcome;
        }
    }

    private EraseOutcome eraseChunksHeld(Set<String> candidates, LiveChunks live) throws IOException {
        gcLock.writeLock().lock();
        try {
            loadNewIndexFiles();
            Set<String> erased = new HashSet<>(candidates);
            erased.removeAll(live.read());
            List<IndexedPack> affected = packs.values().stream()
                    .filter(pack -> pack.blobs().stream().anyMatch(b -> erased.contains(b.id()))).toList();
            if (affected.isEmpty()) {
                return new EraseOutcome(Set.of(), 0, 0);
            }
            List<IndexedPack> rewritten = new ArrayList<>();
            for (IndexedPack pack : affected) {
                IndexedPack copy = copyWithout(pack, erased);
                if (copy != null) {
                    rewritten.add(copy);
                }
            }
            String newIndex = null;
            if (!rewritten.isEmpty()) {
                newIndex = "index/" + randomId();
                backend.putBytes(newIndex, documents.seal(new IndexFile(FORMAT_VERSION, rewritten), "index"));
            }
            Set<String> doomed = new HashSet<>();
            affected.forEach(pack -> doomed.add(pack.id()));
            int indexFiles = replaceIndexFilesWithout(doomed);
            for (String packId : doomed) {
                IndexedPack pack = packs.remove(packId);
                pack.blobs().forEach(b -> index.computeIfPresent(b.id(), (id, location) -> location.packId().equals(packId) ? null : location));
            }
            if (newIndex != null) {
                addToIndex(newIndex, new IndexFile(FORMAT_VERSION, rewritten));
            }
            for (String packId : doomed) {
                backend.delete(packName(packId));
            }
            Set<String> removed = new HashSet<>();
            affected.forEach(pack -> pack.blobs().stream().map(IndexedBlob::id).filter(erased::contains).forEach(removed::add));
            return new EraseOutcome(removed, affected.size(), indexFiles);
        } finally {
            gcLock.writeLock().unlock();
        }
    }

    /** The pack's other blobs in a new pack, uploaded; null when no blob is left. */
    private IndexedPack copyWithout(IndexedPack pack, Set<String> erased) throws IOException {
        PackWriter writer = new PackWriter(spoolDirectory);
        try {
            for (IndexedBlob blob : pack.blobs()) {
                if (erased.contains(blob.id())) {
                    continue;
                }
                byte[] sealed;
                try (InputStream in = backend.get(packName(pack.id()), blob.offset(), blob.length())) {
                    sealed = in.readNBytes(blob.length());
                }
                writer.add(blob.id(), sealed, blob.rawLength(), Compression.ofCode(blob.compression()));
            }
            if (writer.isEmpty()) {
                writer.close();
                return null;
            }
            return upload(writer);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /** Replaces each index file that lists a doomed pack by one without it (new first); returns how many. */
    private int replaceIndexFilesWithout(Set<String> doomed) throws IOException {
        int rewritten = 0;
        for (Map.Entry<String, List<String>> entry : List.copyOf(packsByIndexFile.entrySet())) {
            if (entry.getValue().stream().noneMatch(doomed::contains)) {
                continue;
            }
            List<IndexedPack> kept = entry.getValue().stream().filter(id -> !doomed.contains(id)).map(packs::get).toList();
            if (!kept.isEmpty()) {
                String replacement = "index/" + randomId();
                backend.putBytes(replacement, documents.seal(new IndexFile(FORMAT_VERSION, kept), "index"));
                packsByIndexFile.put(replacement, kept.stream().map(IndexedPack::id).toList());
            }
            backend.delete(entry.getKey());
            packsByIndexFile.remove(entry.getKey());
            rewritten++;
        }
        return rewritten;
    }

    /** For tests: whether garbage collection holds or waits for the lock that excludes stores. */
    boolean garbageCollectionPending() {
        return gcLock.isWriteLocked() || gcLock.hasQueuedThreads();
    }

    /** Backends do not all report modification times, so an unindexed pack's age counts from when GC first saw it. */
    private boolean isOlderThan(String name, Instant cutoff) throws IOException {
        return coordination.firstSeenUnindexed(name, Instant.now()).isBefore(cutoff);
    }

    private static String randomId() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
