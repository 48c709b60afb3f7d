package dev.sfbackup.storage.repository.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** A directory on a local disk or a mounted share. Writes go to a temporary file that is fsynced, then renamed into place. */
public final class LocalBackend implements Backend {

    private static final String TEMP_DIR = "tmp";

    private final Path root;
    private final boolean ownsRoot;

    /** A repository's folder, often a mounted share: a write never creates it (see {@link #createBelowRoot}). */
    public LocalBackend(Path root) {
        this(root, false);
    }

    private LocalBackend(Path root, boolean ownsRoot) {
        this.root = root.toAbsolutePath().normalize();
        this.ownsRoot = ownsRoot;
    }

    /** A folder of storage-service's own (the backup cache's), created by the first write when missing. */
    public static LocalBackend inOwnFolder(Path root) {
        return new LocalBackend(root, true);
    }

    @Override
    public void put(String name, Content content) throws IOException {
        Path target = resolve(name);
        Path temp = root.resolve(TEMP_DIR).resolve(UUID.randomUUID() + ".part");
        try {
            if (ownsRoot) {
                Files.createDirectories(root);
            }
            createBelowRoot(temp.getParent());
            createBelowRoot(target.getParent());
            long written;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel);
                 InputStream in = content.open()) {
                written = in.transferTo(out);
                out.flush();
                channel.force(true);
            }
            if (written != content.length()) {
                throw new BackendException("short write of " + name + ": expected " + content.length() + " bytes, got " + written);
            }
            move(temp, target);
            fsyncDirectory(target.getParent());
        } catch (NoSuchFileException e) {
            throw new BackendException.Permanent("repository directory is missing: " + root, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates the missing folders between the root and {@code dir}, never the root itself: a share that is not mounted
     * must fail the write (NoSuchFileException), not get an empty folder in its place that the backup then fills.
     */
    private void createBelowRoot(Path dir) throws IOException {
        for (int depth = root.getNameCount() + 1; depth <= dir.getNameCount(); depth++) {
            Path folder = dir.getRoot().resolve(dir.subpath(0, depth));
            if (!Files.isDirectory(folder)) {
                try {
                    Files.createDirectory(folder);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another upload created it
                }
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems (and network shares) cannot open directories; the file itself is already synced
        }
    }

    @Override
    public InputStream get(String name, long offset, long length) throws IOException {
        Path file = resolve(name);
        try {
            SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return length < 0 ? in : new BoundedInputStream(in, length);
        } catch (NoSuchFileException e) {
            throw new BackendException.NotFound(name);
        }
    }

    @Override
    public long stat(String name) throws IOException {
        try {
            return Files.size(resolve(name));
        } catch (NoSuchFileException e) {
            throw new BackendException.NotFound(name);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new BackendException.Permanent("repository directory is missing: " + root);
        }
        List<ObjectInfo> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.startsWith(prefix) && !name.startsWith(TEMP_DIR + "/")) {
                    result.add(new ObjectInfo(name, Files.size(file)));
                }
            }
        } catch (NoSuchFileException e) {
            // a file removed while walking is simply not listed
        }
        return result;
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    @Override
    public String describe() {
        return "local:" + root;
    }

    private Path resolve(String name) throws BackendException {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || name.isBlank()) {
            throw new BackendException.Permanent("invalid object name: " + name);
        }
        return file;
    }

}
