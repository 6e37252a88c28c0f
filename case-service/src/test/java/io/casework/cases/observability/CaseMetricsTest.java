package io.casework.cases.observability;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.file;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.ObservabilityCatalog;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseMetricsTest {

    @Test
    void openedAndClosedCasesAreCountedByProductAndPriority() {
        String product = "Metrics " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> p3 = Map.of("product", product, "priority", "P3");
        assertTrue(Double.isNaN(Scrape.value(Scrape.metrics(), "casework_cases_opened_total", p3)));

        String first = file(ALICE, "P3", product, "First");
        file(ALICE, "P3", product, "Second");
        file(ALICE, "P1", product, "Third");
        // Refused requests change nothing and count nothing.
        as(ALICE).body("{\"organization\": \"acme\", \"product\": \"%s\", \"subject\": \"x\", \"description\": \"y\", \"priority\": \"P9\"}"
                .formatted(product)).post("/api/v1/cases").then().statusCode(400);
        action(ALICE, first, "close", "{}").statusCode(200);
        action(ALICE, first, "close", "{}").statusCode(409);

        String scrape = Scrape.metrics();
        assertEquals(2.0, Scrape.value(scrape, "casework_cases_opened_total", p3));
        assertEquals(1.0, Scrape.value(scrape, "casework_cases_opened_total", Map.of("product", product, "priority", "P1")));
        assertEquals(1.0, Scrape.value(scrape, "casework_cases_closed_total", p3));
    }

    @Test
    void testCasesCountInNoMetric() {
        String product = "Sandbox metrics " + UUID.randomUUID().toString().substring(0, 8);
        for (String priority : new String[] { "P1", "P3" }) {
            String id = as(ALICE).body("""
                    {"product": "%s", "subject": "Integration test", "description": "x", "priority": "%s",
                     "testCase": true}""".formatted(product, priority)).post("/api/v1/cases").then().statusCode(201)
                    .extract().path("id");
            action(ALICE, id, "close", "{}").statusCode(200);
        }
        String real = file(ALICE, "P3", product, "Real one");
        action(ALICE, real, "close", "{}").statusCode(200);

        String scrape = Scrape.metrics();
        // the real case is counted (so the series exist and the test can fail), the test cases are not
        assertEquals(1.0, Scrape.value(scrape, "casework_cases_opened_total", Map.of("product", product, "priority", "P3")));
        assertEquals(1.0, Scrape.value(scrape, "casework_cases_closed_total", Map.of("product", product, "priority", "P3")));
        assertTrue(Double.isNaN(Scrape.value(scrape, "casework_cases_opened_total", Map.of("product", product, "priority", "P1"))));
        assertTrue(Double.isNaN(Scrape.value(scrape, "casework_cases_closed_total", Map.of("product", product, "priority", "P1"))));
    }

    @Test
    void openCasesByStateComeFromTheDatabase() {
        String id = file(ALICE, "P4");
        await().atMost(Duration.ofSeconds(15)).until(() -> Scrape.value(Scrape.metrics(), "casework_cases_open",
                Map.of("state", "NEW")) >= 1);
        String scrape = Scrape.metrics();
        for (String state : new String[] { "NEW", "IN_PROGRESS", "ACTION_REQUIRED", "SOLUTION_PROVIDED", "ON_HOLD" }) {
            assertTrue(Scrape.value(scrape, "casework_cases_open", Map.of("state", state)) >= 0, state);
        }
        assertTrue(Double.isNaN(Scrape.value(scrape, "casework_cases_open", Map.of("state", "CLOSED"))),
                "closed cases are not open cases");
        assertTrue(id != null);
    }

    @Test
    void outboxBacklogAndRelayLagAreExposedAndDrainToZero() {
        file(ALICE, "P2");
        // The relay publishes right after commit: the backlog empties and the lag falls back to 0.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String scrape = Scrape.metrics();
            return Scrape.value(scrape, "casework_outbox_backlog", Map.of()) == 0
                    && Scrape.value(scrape, "casework_outbox_lag_seconds", Map.of()) == 0;
        });
    }

    @Test
    void consumerLagIsExposedPerConsumedTopic() {
        // One Kafka consumer per incoming channel, client id kafka-consumer-<channel>; the per-partition
        // records_lag{topic,partition} series follow once Micrometer refreshes the client's metrics (within a minute).
        String scrape = Scrape.metrics();
        for (String channel : new String[] { "sla-events", "status-events" }) {
            assertTrue(scrape.contains("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-" + channel
                    + "\""), channel);
        }
    }

    @Test
    void exposesEveryMetricThatTheDashboardAndAlertsQueryOfIt() throws Exception {
        String id = file(ALICE, "P2");
        action(ALICE, id, "close", "{}").statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> ObservabilityCatalog.assertExposes("case-service", Scrape.metrics()));
    }
}
