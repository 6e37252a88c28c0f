package io.casework.messaging.observability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The outbox seen from outside: {@code casework_outbox_backlog} (rows committed but not yet on Kafka) and
 * {@code casework_outbox_lag_seconds} (age of the oldest of them; 0 when none waits). Read from the database on a
 * scrape, at most once per {@link #MAX_AGE}, so every instance reports the same truth, whichever relay runs.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0);

    private record Snapshot(Instant takenAt, double backlog, double lagSeconds) {
    }

    OutboxMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("casework.outbox.backlog", this, m -> m.current().backlog())
                .description("Outbox rows committed but not yet published to Kafka")
                .register(registry);
        Gauge.builder("casework.outbox.lag", this, m -> m.current().lagSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row (relay lag); 0 when the outbox is empty")
                .register(registry);
    }

    private synchronized Snapshot current() {
        Instant now = Instant.now();
        if (Duration.between(snapshot.takenAt(), now).compareTo(MAX_AGE) < 0) {
            return snapshot;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL")) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            double lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
            snapshot = new Snapshot(now, row.getLong(1), lag);
        } catch (SQLException e) {
            LOG.debugf("Cannot read the outbox backlog: %s", e.getMessage());
            // Unknown rather than a reassuring 0: the dashboard shows a gap.
            return new Snapshot(now, Double.NaN, Double.NaN);
        }
        return snapshot;
    }
}
