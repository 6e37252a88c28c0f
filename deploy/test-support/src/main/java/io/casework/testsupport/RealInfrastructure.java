package io.casework.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at real PostgreSQL (a fresh database per run) and a real Kafka broker.
 * Init arg {@code database}: the service's database name, used as the prefix of the test database.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "casework";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = PostgresServer.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.createDatabase(database + "_test"),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", KafkaServer.bootstrapServers());
    }

    @Override
    public void stop() {
        // Servers live for the JVM and are shared by every test class; see PostgresServer and KafkaServer.
    }
}
