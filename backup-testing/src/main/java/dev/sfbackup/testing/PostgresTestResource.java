package dev.sfbackup.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a @QuarkusTest a fresh database in the private PostgreSQL cluster, named after the module under test
 * (policy-service tests get policy_service_test). Init arg "database" or the environment variable BACKUP_TEST_DB
 * choose another name, so two test runs of one module can share the cluster without dropping each other's database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String fromEnvironment = System.getenv("BACKUP_TEST_DB");
        String byModule = Path.of("").toAbsolutePath().getFileName().toString().replace('-', '_') + "_test";
        database = initArgs.getOrDefault("database", fromEnvironment == null || fromEnvironment.isBlank() ? byModule : fromEnvironment);
    }

    @Override
    public Map<String, String> start() {
        PrivatePostgres.ensureRunning();
        PrivatePostgres.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", PrivatePostgres.jdbcUrl(database),
                "quarkus.datasource.username", PrivatePostgres.USER,
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run recreates it
    }
}
