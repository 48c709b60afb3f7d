package dev.sfbackup.storage.cache.persistence;

import dev.sfbackup.storage.cache.RepositoryCache;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RepositoryCaches implements PanacheRepositoryBase<RepositoryCache, UUID> {

    public List<RepositoryCache> listEnabled() {
        return list("enabled", true);
    }
}
