package io.casework.status.observability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.ObservabilityCatalog;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StatusMetricsTest {

    @Test
    void reportsReadinessAndAnEmptyOutbox() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = Scrape.metrics();
            assertEquals(1.0, Scrape.value(scrape, "casework_ready", Map.of()));
            assertEquals(0.0, Scrape.value(scrape, "casework_outbox_backlog", Map.of()));
            assertEquals(0.0, Scrape.value(scrape, "casework_outbox_lag_seconds", Map.of()));
        });
    }

    @Test
    void exposesEveryMetricThatTheDashboardAndAlertsQueryOfIt() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> ObservabilityCatalog.assertExposes("status-service", Scrape.metrics()));
    }
}
