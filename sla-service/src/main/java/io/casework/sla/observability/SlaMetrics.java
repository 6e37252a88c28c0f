package io.casework.sla.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.casework.messaging.observability.OutboxMetrics;
import io.casework.messaging.outbox.OutboxRecorded;
import io.casework.sla.domain.Metric;
import io.casework.sla.messaging.event.TargetChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Business metrics of SLAs. {@code casework_sla_warnings_total} and {@code casework_sla_breaches_total} (by priority
 * and metric) count each {@code sla.warning} / {@code sla.breached} event once its transaction commits, on the
 * instance that fired it: sum them over instances. {@code casework_sla_compliance_ratio} (by priority) is met / (met
 * + breached) of the targets started in the last {@link #COMPLIANCE_WINDOW}, as the compliance report computes it,
 * read from the database at most once per {@link OutboxMetrics#MAX_AGE}; NaN while no target is decided. Targets of
 * test (sandbox) cases count in none of them.
 */
@Startup
@ApplicationScoped
public class SlaMetrics {

    private static final Logger LOG = Logger.getLogger(SlaMetrics.class);
    static final Duration COMPLIANCE_WINDOW = Duration.ofDays(30);
    private static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private volatile Instant complianceTakenAt = Instant.EPOCH;
    private volatile Map<String, Double> compliance = Map.of();

    SlaMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        for (String priority : PRIORITIES) {
            Gauge.builder("casework.sla.compliance", this, m -> m.complianceOf(priority))
                    .tag("priority", priority)
                    .baseUnit("ratio")
                    .description("Share of decided SLA targets (started in the last 30 days) that were met")
                    .register(registry);
            // Registered up front: rates and alerts see 0, not "no data", before the first warning or breach.
            for (Metric metric : Metric.values()) {
                counter("casework.sla.warnings", priority, metric.name());
                counter("casework.sla.breaches", priority, metric.name());
            }
        }
    }

    private Counter counter(String name, String priority, String metric) {
        return Counter.builder(name)
                .description(name.endsWith("warnings") ? "SLA targets that reached their warning threshold" : "SLA targets breached")
                .tag("priority", priority).tag("metric", metric)
                .register(registry);
    }

    /** Counts warnings and breaches once the transaction that recorded them committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        for (OutboxRecorded.Recorded event : recorded.events()) {
            if (event.data() instanceof TargetChanged target && !target.testCase()) {
                String name = switch (event.type()) {
                    case TargetChanged.WARNING -> "casework.sla.warnings";
                    case TargetChanged.BREACHED -> "casework.sla.breaches";
                    default -> null;
                };
                if (name != null) {
                    counter(name, target.priority(), target.metric()).increment();
                }
            }
        }
    }

    private synchronized double complianceOf(String priority) {
        Instant now = Instant.now();
        if (Duration.between(complianceTakenAt, now).compareTo(OutboxMetrics.MAX_AGE) >= 0) {
            Map<String, Double> ratios = new HashMap<>();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement("SELECT priority, "
                            + "count(*) FILTER (WHERE state = 'MET'), count(*) FILTER (WHERE state = 'BREACHED') "
                            + "FROM sla_clock WHERE started_at >= ? AND NOT test_case GROUP BY priority")) {
                query.setTimestamp(1, Timestamp.from(now.minus(COMPLIANCE_WINDOW)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long met = rows.getLong(2);
                        long decided = met + rows.getLong(3);
                        ratios.put(rows.getString(1), decided == 0 ? Double.NaN : (double) met / decided);
                    }
                }
            } catch (SQLException e) {
                LOG.debugf("Cannot compute SLA compliance: %s", e.getMessage());
            }
            compliance = ratios;
            complianceTakenAt = now;
        }
        return compliance.getOrDefault(priority, Double.NaN);
    }
}
