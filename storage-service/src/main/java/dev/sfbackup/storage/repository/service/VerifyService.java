package dev.sfbackup.storage.repository.service;

import dev.sfbackup.api.storage.repository.DamagedPack;
import dev.sfbackup.api.storage.repository.VerifyReport;
import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.storage.file.persistence.StoredFiles;
import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.format.ContentRepository;
import dev.sfbackup.storage.repository.format.ContentRepository.VerifyOutcome;
import dev.sfbackup.storage.alert.VerifyDamageAlerter;
import dev.sfbackup.storage.repository.persistence.VerifyResults;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Checks a repository and names the files and restore points that damaged or missing data affects. */
@ApplicationScoped
public class VerifyService {

    private static final Logger LOG = Logger.getLogger(VerifyService.class);

    private final RepositoryService repositories;
    private final StoredFiles files;
    private final VerifyResults results;
    private final VerifyDamageAlerter damageAlerts;
    private final Clock clock;

    public VerifyService(RepositoryService repositories, StoredFiles files, VerifyResults results, VerifyDamageAlerter damageAlerts,
                         Clock clock) {
        this.repositories = repositories;
        this.files = files;
        this.results = results;
        this.damageAlerts = damageAlerts;
        this.clock = clock;
    }

    /**
     * Checks the repository, keeps the report under a new id (GET .../verifies/{verifyId}) and alerts the policies
     * whose restore points are damaged.
     */
    public VerifyReport verify(UUID repositoryId, int readDataPercent) {
        VerifyReport report = check(repositoryId, readDataPercent);
        UUID verifyId = QuarkusTransaction.requiringNew().call(() -> results.record(report, clock.instant()));
        String repositoryName = repositories.require(repositoryId).name;
        damageAlerts.alert(repositoryName, report, verifyId);
        return report;
    }

    public VerifyReport result(UUID repositoryId, UUID verifyId) {
        return QuarkusTransaction.requiringNew().call(() -> results.find(repositoryId, verifyId))
                .orElseThrow(() -> ApiProblem.notFound("verify of repository " + repositoryId, verifyId));
    }

    private VerifyReport check(UUID repositoryId, int readDataPercent) {
        if (readDataPercent < 0 || readDataPercent > 100) {
            throw ApiProblem.badRequest("readData", "must be a percentage from 0 to 100, got " + readDataPercent);
        }
        BackupRepository repository = repositories.require(repositoryId);
        ContentRepository content = repositories.openOrUnavailable(repository);
        VerifyOutcome outcome;
        try {
            outcome = content.verify(readDataPercent);
        } catch (IOException e) {
            LOG.warnf(e, "verify of repository '%s' failed", repository.name);
            throw ApiProblem.unavailable("repository '" + repository.name + "' failed during verify; storage-service's log has the reason");
        }
        Map<String, String> damagedPackOfChunk = new HashMap<>();
        outcome.damagedPacks().forEach(pack -> pack.chunkIds().forEach(chunk -> damagedPackOfChunk.putIfAbsent(chunk, pack.packId())));
        Map<String, Set<UUID>> filesByPack = new HashMap<>();
        Map<String, Set<UUID>> pointsByPack = new HashMap<>();
        Set<UUID> missingChunkFiles = new TreeSet<>();
        Set<UUID> affectedPoints = new TreeSet<>();
        QuarkusTransaction.requiringNew().run(() -> files.forEachChunkReference(repositoryId, (fileId, pointId, chunkId) -> {
            String pack = damagedPackOfChunk.get(chunkId);
            if (pack != null) {
                filesByPack.computeIfAbsent(pack, p -> new TreeSet<>()).add(fileId);
                pointsByPack.computeIfAbsent(pack, p -> new TreeSet<>()).add(pointId);
                affectedPoints.add(pointId);
            } else if (!content.contains(chunkId)) {
                missingChunkFiles.add(fileId);
                affectedPoints.add(pointId);
            }
        }));
        List<DamagedPack> damaged = new ArrayList<>();
        for (ContentRepository.DamagedPack pack : outcome.damagedPacks()) {
            damaged.add(new DamagedPack(pack.packId(), pack.reason(),
                    List.copyOf(filesByPack.getOrDefault(pack.packId(), Set.of())),
                    List.copyOf(pointsByPack.getOrDefault(pack.packId(), Set.of()))));
        }
        boolean ok = damaged.isEmpty() && outcome.damagedIndexFiles().isEmpty() && missingChunkFiles.isEmpty();
        return new VerifyReport(repositoryId, ok, readDataPercent, outcome.indexFiles(), outcome.packsChecked(), outcome.packsRead(),
                outcome.bytesRead(), damaged, outcome.damagedIndexFiles(), outcome.unindexedPacks(),
                List.copyOf(missingChunkFiles), List.copyOf(affectedPoints));
    }
}
