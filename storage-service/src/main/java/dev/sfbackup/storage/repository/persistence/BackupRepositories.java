package dev.sfbackup.storage.repository.persistence;

import dev.sfbackup.storage.repository.BackupRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class BackupRepositories implements PanacheRepositoryBase<BackupRepository, UUID> {

    public Optional<BackupRepository> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
