package io.casework.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.casework.testsupport.PostgresServer;

/**
 * db/messaging upgrades a service's own older outbox and inbox tables in place, keeping their rows, and runs again
 * without harm (a repeatable migration re-runs whenever it changes).
 */
class MessagingMigrationTest {

    private final PostgresServer postgres = PostgresServer.get();

    @Test
    void anExistingInstallKeepsItsEventsAndProcessedIdsAndAcceptsRowsWithoutATopic() throws Exception {
        String url = postgres.createDatabase("casework_messaging_upgrade");
        flyway(url, "classpath:db/legacy").migrate();
        try (Connection db = connect(url); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at, topic) VALUES "
                    + "('00000000-0000-0000-0000-000000000001', 'case-1', 'io.casework.org.created', '{}', now(), 'casework.org-events')");
            sql.execute("INSERT INTO processed_message VALUES ('seen-1', 'io.casework.sla.breached', now())");
        }

        flyway(url, "classpath:db/legacy", "classpath:db/messaging").migrate();

        try (Connection db = connect(url); Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT aggregate_id, published_at FROM outbox_event")) {
                row.next();
                assertEquals("case-1", row.getString(1));
                assertNull(row.getTimestamp(2), "still waiting for the relay");
            }
            assertEquals(1, count(sql, "SELECT count(*) FROM processed_message WHERE event_id = 'seen-1'"));
            // The new writer names no topic; notification-service's e-mail keys fit.
            sql.execute("INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at) VALUES "
                    + "('00000000-0000-0000-0000-000000000002', '" + "x".repeat(300) + "@example.com', 't', '{}', now())");
            assertEquals(1, count(sql, "SELECT count(*) FROM pg_indexes WHERE indexname = 'processed_message_processed_at'"));
        }
    }

    @Test
    void theMigrationCreatesTheTablesOnANewDatabaseAndCanRunAgain() throws Exception {
        String url = postgres.createDatabase("casework_messaging_new");
        flyway(url, "classpath:db/messaging").migrate();
        try (Connection db = connect(url); Statement sql = db.createStatement()) {
            sql.execute(script()); // as Flyway does when the file changes
            assertEquals(0, count(sql, "SELECT count(*) FROM outbox_event"));
            assertEquals(0, count(sql, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_event' "
                    + "AND column_name = 'topic'"));
        }
    }

    private Flyway flyway(String url, String... locations) {
        return Flyway.configure().dataSource(url, postgres.user(), postgres.password()).locations(locations).load();
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = MessagingMigrationTest.class.getResourceAsStream("/db/messaging/R__messaging_outbox_inbox.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
