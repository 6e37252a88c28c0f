package io.casework.sla.observability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.casework.sla.domain.Priority;
import io.casework.sla.service.ClockService;
import io.casework.sla.service.SlaFiring;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
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
    void testCasesBreachLikeAnyOtherButCountInNoMetric() {
        Map<String, String> p4 = Map.of("priority", "P4", "metric", "FIRST_RESPONSE");
        firing.fireAllDue(Instant.now()); // what earlier tests left due is counted before, not during, this test
        double before = zeroIfAbsent(Scrape.value(Scrape.metrics(), "casework_sla_breaches_total", p4));
        Instant opened = Instant.now().minus(Duration.ofDays(10));
        UUID sandbox = UUID.randomUUID();
        UUID real = UUID.randomUUID();
        clocks.caseOpened(sandbox, "acme", "Cloud Mail", Priority.P4, opened, true);
        clocks.caseOpened(UUID.randomUUID(), "acme", "Cloud Mail", Priority.P4, opened, true);
        clocks.caseOpened(real, "acme", "Cloud Mail", Priority.P4, opened, false);
        firing.fireAllDue(Instant.now());

        // the flow is whole: the test case's target breaches and says it is a test case's
        for (UUID caseId : List.of(sandbox, real)) {
            ConsumerRecord<String, String> breach = EventTap.awaitAll("casework.sla-events",
                    r -> caseId.toString().equals(r.key()) && r.value().contains("io.casework.sla.breached"), 1,
                    Duration.ofSeconds(30)).getFirst();
            assertEquals(caseId.equals(sandbox), EventContract.assertConforms(breach.value()).path("data")
                    .path("testCase").asBoolean(!caseId.equals(sandbox)));
        }
        // counted once the firing committed: the real case only
        assertEquals(before + 1, Scrape.value(Scrape.metrics(), "casework_sla_breaches_total", p4));
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
