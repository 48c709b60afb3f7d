package dev.sfbackup.storage.repository.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.repository.config.RepositoriesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where storage-service may write on request: LOCAL repositories and backup caches only below the configured allowed
 * roots (symlinks resolved, no ".."), never overlapping another repository or the spool directory; and S3 endpoints
 * that are not loopback or link-local addresses, so a repository cannot be pointed at the machine's own services.
 */
@ApplicationScoped
public class StorageLocations {

    private final List<Path> roots;
    private final Path spool;
    private final Set<String> privateHostsAllowed;

    public StorageLocations(RepositoriesConfig config) {
        this.roots = config.allowedRoots().stream().map(root -> resolvedOrAsIs(Path.of(root))).toList();
        this.spool = resolvedOrAsIs(Path.of(config.spoolDirectory()));
        this.privateHostsAllowed = config.s3PrivateHostsAllowed().orElse(List.of()).stream()
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /**
     * The directory {@code requested} names, symlinks resolved, when it lies below an allowed root and apart from
     * {@code taken} (the directories other repositories use); otherwise a 400 naming {@code field}.
     */
    public Path requireDirectory(String field, String requested, Collection<String> taken) {
        Path path = parse(field, requested);
        Path real = resolved(path);
        if (real == null) {
            throw ApiProblem.badRequest(field, "is not a directory storage-service can resolve (a broken link?)");
        }
        if (roots.stream().noneMatch(root -> real.startsWith(root) && !real.equals(root))) {
            throw ApiProblem.badRequest(field, "must be a directory below one of the allowed roots " + roots
                    + " (backup.repositories.allowed-roots)");
        }
        if (overlaps(real, spool)) {
            throw ApiProblem.badRequest(field, "must not be or contain storage-service's spool directory");
        }
        for (String other : taken) {
            if (other != null && overlaps(real, resolvedOrAsIs(Path.of(other)))) {
                throw ApiProblem.badRequest(field, "overlaps the directory of another repository or backup cache: " + other);
            }
        }
        return real;
    }

    /** Refuses an S3 endpoint whose host is a loopback, link-local or wildcard address, unless configured as allowed. */
    public void requirePublicEndpoint(String field, URI endpoint) {
        String host = endpoint.getHost();
        if (privateHostsAllowed.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ApiProblem.badRequest(field, "the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                throw ApiProblem.badRequest(field, "must not be a loopback or link-local address"
                        + " (allow one with backup.repositories.s3-private-hosts-allowed)");
            }
        }
    }

    private static Path parse(String field, String requested) {
        if (requested == null || requested.isBlank()) {
            throw ApiProblem.badRequest(field, "an absolute directory path is required");
        }
        try {
            Path path = Path.of(requested);
            if (!path.isAbsolute()) {
                throw ApiProblem.badRequest(field, "an absolute directory path is required");
            }
            for (Path part : path) {
                if (part.toString().equals("..") || part.toString().equals(".")) {
                    throw ApiProblem.badRequest(field, "must not contain '.' or '..' segments");
                }
            }
            return path;
        } catch (InvalidPathException e) {
            throw ApiProblem.badRequest(field, "is not a valid directory path");
        }
    }

    private static boolean overlaps(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    private static Path resolvedOrAsIs(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path real = resolved(absolute);
        return real == null ? absolute : real;
    }

    /** The path with every symlink of its longest existing ancestor resolved; the part not yet created appended as is. */
    static Path resolved(Path absolute) {
        Path existing = absolute;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return null;
        }
    }
}
