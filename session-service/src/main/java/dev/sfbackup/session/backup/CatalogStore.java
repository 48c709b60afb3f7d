package dev.sfbackup.session.backup;

import dev.sfbackup.session.CatalogEntry;
import dev.sfbackup.session.repository.CatalogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

/** Reads and updates what earlier runs saw of an object's fields. */
@ApplicationScoped
public class CatalogStore {

    private final CatalogRepository catalog;
    private final Clock clock;

    public CatalogStore(CatalogRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public CatalogEntry entry(UUID policyId, String object) {
        CatalogEntry.Key key = new CatalogEntry.Key();
        key.policyId = policyId;
        key.objectName = object;
        CatalogEntry entry = catalog.findById(key);
        if (entry == null) {
            entry = new CatalogEntry();
            entry.policyId = policyId;
            entry.objectName = object;
            entry.updatedAt = clock.instant();
            catalog.persist(entry);
        }
        return entry;
    }

    @Transactional
    public void rememberFields(UUID policyId, String object, Collection<String> fields, Collection<String> ignoredFields) {
        CatalogEntry entry = entry(policyId, object);
        entry.fields = String.join("\n", fields);
        entry.ignoredFields = String.join("\n", ignoredFields);
        entry.updatedAt = clock.instant();
    }
}
