package dev.sfbackup.storage.cache.service;

import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.backend.Content;
import dev.sfbackup.storage.repository.backend.LocalBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The backend of a cached restore point: writes go to the point's cache directory (within the cache's size limit);
 * reads look there, then in the cache's digest copy (config, keys, index files of the repository), then in the
 * repository itself (packs the repository already held when the point was cached). Without deduplication against the
 * repository, the digest's index files are not listed, so the point stores every chunk it needs itself.
 */
final class CacheOverlayBackend implements Backend {

    private final LocalBackend point;
    private final Path pointDirectory;
    private final LocalBackend digest;
    private final Path digestDirectory;
    private final Supplier<Backend> repositoryFactory;
    private final Path cacheRoot;
    private final long maxBytes;
    private final boolean deduplicateAgainstRepository;
    private Backend repository;

    CacheOverlayBackend(Path pointDirectory, Path digestDirectory, Supplier<Backend> repositoryFactory, Path cacheRoot, long maxBytes,
                        boolean deduplicateAgainstRepository) {
        this.deduplicateAgainstRepository = deduplicateAgainstRepository;
        this.point = LocalBackend.inOwnFolder(pointDirectory);
        this.pointDirectory = pointDirectory;
        this.digest = LocalBackend.inOwnFolder(digestDirectory);
        this.digestDirectory = digestDirectory;
        this.repositoryFactory = repositoryFactory;
        this.cacheRoot = cacheRoot;
        this.maxBytes = maxBytes;
    }

    @Override
    public void put(String name, Content content) throws IOException {
        long used = usedBytes(cacheRoot);
        if (used + content.length() > maxBytes) {
            throw new CacheFullException(used, maxBytes, content.length());
        }
        point.put(name, content);
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        if (Files.isRegularFile(pointDirectory.resolve(name))) {
            return point.get(name, offset, length);
        }
        if (Files.isRegularFile(digestDirectory.resolve(name))) {
            return digest.get(name, offset, length);
        }
        return repository().get(name, offset, length);
    }

    @Override
    public long stat(String name) throws IOException {
        if (Files.isRegularFile(pointDirectory.resolve(name))) {
            return point.stat(name);
        }
        if (Files.isRegularFile(digestDirectory.resolve(name))) {
            return digest.stat(name);
        }
        return repository().stat(name);
    }

    /** Objects of the point and of the digest copy: the repository's own listing is not needed to open the index. */
    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        Map<String, ObjectInfo> union = new LinkedHashMap<>();
        if (Files.isDirectory(digestDirectory) && (deduplicateAgainstRepository || !prefix.startsWith("index"))) {
            digest.list(prefix).forEach(o -> union.put(o.name(), o));
        }
        if (Files.isDirectory(pointDirectory)) {
            point.list(prefix).forEach(o -> union.put(o.name(), o));
        }
        return new ArrayList<>(union.values());
    }

    @Override
    public void delete(String name) throws IOException {
        point.delete(name);
    }

    @Override
    public String describe() {
        return "cache:" + pointDirectory;
    }

    private synchronized Backend repository() {
        if (repository == null) {
            repository = repositoryFactory.get();
        }
        return repository;
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
    }

    static long usedBytes(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed while walking
                }
            }).sum();
        }
    }
}
