package dev.sfbackup.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a @QuarkusTest a fresh database in the private PostgreSQL cluster, named after the module under test
 * (policy-service tests get policy_service_test). Pass init arg "database" to choose another name.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database",
                Path.of("").toAbsolutePath().getFileName().toString().replace('-', '_') + "_test");
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
