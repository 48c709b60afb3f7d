package dev.sfbackup.console.pages;

import dev.sfbackup.api.storage.cache.CacheView;
import dev.sfbackup.api.storage.cache.StorageLocation;
import dev.sfbackup.api.storage.repository.RepositoryView;
import dev.sfbackup.console.api.ServiceApi;
import dev.sfbackup.console.api.ServiceFailure;
import dev.sfbackup.console.api.Suite;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Repositories with their backup cache, as the dashboard and the repositories page show them. */
@ApplicationScoped
public class RepositoryRows {

    private final Suite suite;

    public RepositoryRows(Suite suite) {
        this.suite = suite;
    }

    /** A repository with its cache: bytes used (of maxBytes, 0 without a limit) and restore points still waiting there for upload. */
    public record RepositoryRow(RepositoryView repository, boolean cacheEnabled, long cacheBytes, long cacheMaxBytes, long waiting) {
    }

    public List<RepositoryRow> all() {
        return of(suite.repositories());
    }

    /** The rows of these repositories: their caches are read at once (on the request's thread, with its user's token). */
    public List<RepositoryRow> of(List<RepositoryView> repositories) {
        List<CompletableFuture<CacheView>> caches = repositories.stream().map(r -> suite.cacheLater(r.id())).toList();
        List<RepositoryRow> rows = new ArrayList<>();
        for (int i = 0; i < repositories.size(); i++) {
            rows.add(row(repositories.get(i), caches.get(i)));
        }
        return rows;
    }

    private RepositoryRow row(RepositoryView repository, CompletableFuture<CacheView> answer) {
        CacheView cache;
        try {
            cache = ServiceApi.await(answer);
        } catch (ServiceFailure failure) {
            if (failure.status() != 404) {
                throw failure;
            }
            return new RepositoryRow(repository, false, 0, 0, 0); // a repository without a backup cache
        }
        long waiting = cache.points().stream().filter(p -> p.location() != StorageLocation.REPOSITORY).count();
        boolean enabled = cache.settings() != null && Boolean.TRUE.equals(cache.settings().enabled());
        long max = cache.settings() == null || cache.settings().maxBytes() == null ? 0 : cache.settings().maxBytes();
        return new RepositoryRow(repository, enabled, cache.usedBytes(), max, waiting);
    }
}
