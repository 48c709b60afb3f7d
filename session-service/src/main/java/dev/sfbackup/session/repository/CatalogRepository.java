package dev.sfbackup.session.repository;

import dev.sfbackup.session.CatalogEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<CatalogEntry, CatalogEntry.Key> {

    public List<CatalogEntry> byPolicy(UUID policyId) {
        return list("policyId", policyId);
    }
}
