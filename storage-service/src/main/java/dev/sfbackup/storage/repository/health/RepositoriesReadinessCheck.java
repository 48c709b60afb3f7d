package dev.sfbackup.storage.repository.health;

import dev.sfbackup.storage.repository.BackupRepository;
import dev.sfbackup.storage.repository.backend.Backend;
import dev.sfbackup.storage.repository.config.RepositoriesConfig;
import dev.sfbackup.storage.repository.persistence.BackupRepositories;
import dev.sfbackup.storage.repository.service.RepositoryConnector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Reports every repository's reachability (a stat of its config object, bounded by a timeout); a down one makes readiness DOWN, never an error. */
/**
 * Reports each repository's reachability. A down repository does not make the service unready: backups then go to
 * the repository's cache and every other repository keeps working, so the service must stay in rotation.
 */
@Readiness
@ApplicationScoped
public class RepositoriesReadinessCheck implements HealthCheck {

    private final BackupRepositories repositories;
    private final RepositoryConnector connector;
    private final RepositoriesConfig config;

    public RepositoriesReadinessCheck(BackupRepositories repositories, RepositoryConnector connector, RepositoriesConfig config) {
        this.repositories = repositories;
        this.connector = connector;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("repositories").up();
        List<BackupRepository> all = QuarkusTransaction.requiringNew().call(repositories::listAll);
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<CompletableFuture<String>> results = all.stream()
                    .map(repository -> CompletableFuture.supplyAsync(() -> probe(repository), probes)
                            .completeOnTimeout("DOWN: no answer within " + config.healthTimeout(), config.healthTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .toList();
            for (int i = 0; i < all.size(); i++) {
                String status = results.get(i).join();
                response.withData(all.get(i).name, status);
            }
        } finally {
            probes.shutdownNow(); // not close(): a probe hung on a dead share must not hold the health check
        }
        return response.build();
    }

    private String probe(BackupRepository repository) {
        try (Backend backend = connector.rawBackend(repository)) {
            backend.stat("config");
            return "UP";
        } catch (Exception e) {
            return "DOWN: " + e.getMessage();
        }
    }
}
