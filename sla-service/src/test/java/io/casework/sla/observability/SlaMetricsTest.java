package io.casework.sla.observability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.sla.domain.Priority;
import io.casework.sla.service.ClockService;
import io.casework.sla.service.SlaFiring;
import io.casework.testsupport.ObservabilityCatalog;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SlaMetricsTest {

    private final ClockService clocks;
    private final SlaFiring firing;

    SlaMetricsTest(ClockService clocks, SlaFiring firing) {
        this.clocks = clocks;
        this.firing = firing;
    }

    @Test
    void breachesAreCountedOnceByPriorityAndComplianceFollows() {
        Map<String, String> p4 = Map.of("priority", "P4", "metric", "FIRST_RESPONSE");
        double before = zeroIfAbsent(Scrape.value(Scrape.metrics(), "casework_sla_breaches_total", p4));
        // acme is on Premier; opened ten days ago, every P4 first response is overdue.
        Instant opened = Instant.now().minus(Duration.ofDays(10));
        for (int i = 0; i < 3; i++) {
            clocks.caseOpened(UUID.randomUUID(), "acme", "Cloud Mail", Priority.P4, opened);
        }
        firing.fireAllDue(Instant.now());
        firing.fireAllDue(Instant.now()); // a second pass finds nothing more to fire

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(before + 3,
                Scrape.value(Scrape.metrics(), "casework_sla_breaches_total", p4)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double compliance = Scrape.value(Scrape.metrics(), "casework_sla_compliance_ratio", Map.of("priority", "P4"));
            assertTrue(compliance >= 0 && compliance < 1, "P4 compliance " + compliance);
        });
    }

    @Test
    void exposesEveryMetricThatTheDashboardAndAlertsQueryOfIt() {
        clocks.caseOpened(UUID.randomUUID(), "acme", "Cloud Mail", Priority.P1, Instant.now().minus(Duration.ofDays(2)));
        firing.fireAllDue(Instant.now());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> ObservabilityCatalog.assertExposes("sla-service", Scrape.metrics()));
    }

    private static double zeroIfAbsent(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
