package io.casework.messaging.observability;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code casework_ready}: 1 while /q/health/ready is UP (database and Kafka reachable), 0 when it is DOWN, so that
 * Prometheus can alert on readiness, not only on a process that no longer answers ({@code up}). Checked at most
 * once per {@link OutboxMetrics#MAX_AGE}.
 */
@Startup
@ApplicationScoped
public class ReadinessMetrics {

    private final SmallRyeHealthReporter health;
    private volatile Instant checkedAt = Instant.EPOCH;
    private volatile double ready = Double.NaN;

    ReadinessMetrics(SmallRyeHealthReporter health, MeterRegistry registry) {
        this.health = health;
        Gauge.builder("casework.ready", this, ReadinessMetrics::ready)
                .description("1 while the readiness checks (/q/health/ready) pass, else 0")
                .register(registry);
    }

    private synchronized double ready() {
        Instant now = Instant.now();
        if (Duration.between(checkedAt, now).compareTo(OutboxMetrics.MAX_AGE) >= 0) {
            ready = health.getReadiness().isDown() ? 0 : 1;
            checkedAt = now;
        }
        return ready;
    }
}
