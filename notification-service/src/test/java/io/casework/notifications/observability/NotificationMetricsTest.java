package io.casework.notifications.observability;

import static io.casework.notifications.Events.id;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.SmtpServer;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.ObservabilityCatalog;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationMetricsTest {

    static final Map<String, String> OPENED = Map.of("kind", "CASE_OPENED");

    @Test
    void sentAndRejectedMailsAreCountedByKind() {
        String scrape = Scrape.metrics();
        double sent = Scrape.value(scrape, "casework_mails_sent_total", OPENED);
        double rejected = Scrape.value(scrape, "casework_mails_rejected_total", OPENED);
        String bouncing = "bounce-" + UUID.randomUUID() + "@acme.example";
        TestCase c = TestCase.of("en", null, bouncing);

        EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), CaseEvents.caseOpened(id(), c.caseId(), c.number(),
                c.contact(), List.of(bouncing), "en"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            String now = Scrape.metrics();
            assertEquals(rejected + 1, Scrape.value(now, "casework_mails_rejected_total", OPENED));
            assertTrue(Scrape.value(now, "casework_mails_sent_total", OPENED) >= sent + 1);
        });
    }

    @Test
    void mailThatFailsEveryRetryIsCountedAsFailedThenDeadLettered() {
        String scrape = Scrape.metrics();
        double failed = Scrape.value(scrape, "casework_mails_failed_total", OPENED);
        double dead = Scrape.value(scrape, "casework_mails_dead_lettered_total", Map.of());
        TestCase c = TestCase.of("en", null);
        SmtpServer.takeDown();
        try {
            EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), CaseEvents.caseOpened(id(), c.caseId(), c.number(),
                    c.contact(), "en"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(dead + 1,
                    Scrape.value(Scrape.metrics(), "casework_mails_dead_lettered_total", Map.of())));
            assertTrue(Scrape.value(Scrape.metrics(), "casework_mails_failed_total", OPENED) >= failed + 2,
                    "each failed attempt counts");
        } finally {
            SmtpServer.startAgain();
        }
    }

    @Test
    void exposesEveryMetricThatTheDashboardAndAlertsQueryOfIt() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> ObservabilityCatalog.assertExposes("notification-service", Scrape.metrics()));
    }
}
