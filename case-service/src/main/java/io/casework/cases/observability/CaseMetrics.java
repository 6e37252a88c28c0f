package io.casework.cases.observability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.casework.cases.domain.CaseState;
import io.casework.cases.messaging.event.CaseChanges;
import io.casework.cases.messaging.event.CaseOpened;
import io.casework.cases.messaging.event.CaseSummary;
import io.casework.messaging.observability.OutboxMetrics;
import io.casework.messaging.outbox.OutboxRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Business metrics of cases. {@code casework_cases_opened_total} and {@code casework_cases_closed_total} (by product
 * and priority) count each {@code case.opened} / {@code case.closed} event once its transaction commits, on the
 * instance that committed it: sum them over instances. {@code casework_cases_open} (by state) is read from the
 * database, at most once per {@link OutboxMetrics#MAX_AGE}, so it is the same on every instance. Test (sandbox) cases
 * count in none of them.
 */
@Startup
@ApplicationScoped
public class CaseMetrics {

    private static final Logger LOG = Logger.getLogger(CaseMetrics.class);
    /** Products are a catalogue; past this many distinct values, the rest count as "other" (bounded label values). */
    static final int MAX_PRODUCTS = 100;

    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final Set<String> products = ConcurrentHashMap.newKeySet();
    private volatile Instant openTakenAt = Instant.EPOCH;
    private volatile Map<CaseState, Double> open = Map.of();

    CaseMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        for (CaseState state : CaseState.values()) {
            if (state.isOpen()) {
                Gauge.builder("casework.cases.open", this, m -> m.openIn(state))
                        .tag("state", state.name())
                        .description("Cases not closed, by state")
                        .register(registry);
            }
        }
    }

    /** Counts the events that matter once the transaction that recorded them committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        for (OutboxRecorded.Recorded event : recorded.events()) {
            if (event.data() instanceof CaseOpened opened && !opened.summary().testCase()) {
                count("casework.cases.opened", "Cases opened (filed, Me too), by product and priority", opened.summary());
            } else if (CaseChanges.Closed.TYPE.equals(event.type()) && event.data() instanceof CaseChanges.Closed closed
                    && !closed.summary().testCase()) {
                count("casework.cases.closed", "Cases closed (by a person or automatically), by product and priority",
                        closed.summary());
            }
        }
    }

    private void count(String name, String description, CaseSummary summary) {
        Counter.builder(name).description(description)
                .tag("product", product(summary.product())).tag("priority", summary.priority()).register(registry).increment();
    }

    private String product(String product) {
        if (product == null) {
            return "none";
        }
        if (products.contains(product) || products.size() < MAX_PRODUCTS && products.add(product)) {
            return product;
        }
        return "other";
    }

    private synchronized double openIn(CaseState state) {
        Instant now = Instant.now();
        if (Duration.between(openTakenAt, now).compareTo(OutboxMetrics.MAX_AGE) >= 0) {
            Map<CaseState, Double> counts = new EnumMap<>(CaseState.class);
            for (CaseState s : CaseState.values()) {
                counts.put(s, 0.0);
            }
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT state, count(*) FROM support_case WHERE state <> 'CLOSED' AND NOT test_case GROUP BY state")) {
                while (rows.next()) {
                    counts.put(CaseState.valueOf(rows.getString(1)), (double) rows.getLong(2));
                }
                open = counts;
            } catch (SQLException | IllegalArgumentException e) {
                LOG.debugf("Cannot count open cases: %s", e.getMessage());
                open = Map.of();
            }
            openTakenAt = now;
        }
        return open.getOrDefault(state, Double.NaN);
    }
}
