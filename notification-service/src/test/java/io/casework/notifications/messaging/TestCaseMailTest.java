package io.casework.notifications.messaging;

import static io.casework.notifications.Events.caseEvent;
import static io.casework.notifications.Events.id;
import static io.casework.notifications.Events.map;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.OrgEvents;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.WebhookReceiver;
import io.casework.notifications.domain.Delivery;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Sandbox cases (issue 19): their mails are recorded, visibly suppressed, and never reach a real recipient. */
@QuarkusTest
class TestCaseMailTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String OPS = "ops@casework.example";

    @Test
    void aTestCasesMailsAreRecordedAsSuppressedAndNeverSentWhileARealCasesAreSent() {
        TestCase sandbox = TestCase.of("en", null, "cc-" + UUID.randomUUID() + "@acme.example");
        TestCase real = TestCase.of("en", null, "cc-" + UUID.randomUUID() + "@acme.example");
        EventTap.send(CaseEvents.TOPIC, sandbox.caseId().toString(), opened(sandbox, true));
        EventTap.send(CaseEvents.TOPIC, real.caseId().toString(), opened(real, null)); // an event from before the flag

        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, real).body("items.size()", equalTo(2))
                .body("items.status", everyItem(equalTo("SENT"))));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(OLGA, sandbox).body("items.size()", equalTo(2))
                .body("items.kind", everyItem(equalTo("CASE_OPENED")))
                .body("items.status", everyItem(equalTo("SUPPRESSED")))
                .body("items.attempts", everyItem(equalTo(0))));
        assertEquals(1, SmtpServer.messagesTo(real.contact()).size());
        assertEquals(1, SmtpServer.messagesTo(real.ccs().getFirst()).size());

        // a later event of the test case, and one that no longer carries the flag: still suppressed
        EventTap.send(CaseEvents.TOPIC, sandbox.caseId().toString(), caseEvent("io.casework.case.resolved", id(), sandbox,
                "SOLUTION_PROVIDED", map("testCase", true, "resolutionCode", "RESOLVED", "note", "Fixed",
                        "resolvedBy", "sam@casework.example", "resolvedAt", "2026-11-21T11:00:00Z")));
        EventTap.send(CaseEvents.TOPIC, real.caseId().toString(), caseEvent("io.casework.case.resolved", id(), real,
                "SOLUTION_PROVIDED", map("testCase", false, "resolutionCode", "RESOLVED", "note", "Fixed",
                        "resolvedBy", "sam@casework.example", "resolvedAt", "2026-11-21T11:00:00Z")));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, real).body("items.size()", equalTo(4))
                .body("items.status", everyItem(equalTo("SENT"))));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, sandbox).body("items.size()", equalTo(4))
                .body("items.status", everyItem(equalTo("SUPPRESSED"))));
        assertEquals(2, SmtpServer.messagesTo(real.contact()).size());
        assertEquals(List.of(), SmtpServer.messagesTo(sandbox.contact()));
        assertEquals(List.of(), SmtpServer.messagesTo(sandbox.ccs().getFirst()));
        // no body of a suppressed mail is kept
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Delivery.count(
                "caseId = ?1 and (mailText is not null or mailHtml is not null)", sandbox.caseId())));
    }

    @Test
    void aTestCasesSlaBreachPagesNoOneWhileARealCasesDoes() {
        TestCase sandbox = TestCase.of("en", null);
        TestCase real = TestCase.of("en", null);
        EventTap.send(CaseEvents.TOPIC, sandbox.caseId().toString(), opened(sandbox, true));
        EventTap.send(CaseEvents.TOPIC, real.caseId().toString(), opened(real, false));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, sandbox).body("items.size()", equalTo(1)));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, real).body("items.size()", equalTo(1)));

        EventTap.send(Events.SLA_TOPIC, sandbox.caseId().toString(), breached(sandbox.caseId()));
        EventTap.send(Events.SLA_TOPIC, real.caseId().toString(), breached(real.caseId()));

        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, real).body("items.size()", equalTo(2))
                .body("items.find { it.kind == 'SLA_BREACHED' }.recipient", equalTo(OPS))
                .body("items.find { it.kind == 'SLA_BREACHED' }.status", equalTo("SENT")));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, sandbox).body("items.size()", equalTo(2))
                .body("items.find { it.kind == 'SLA_BREACHED' }.recipient", equalTo(OPS))
                .body("items.find { it.kind == 'SLA_BREACHED' }.status", equalTo("SUPPRESSED")));
        List<String> opsSubjects = SmtpServer.messagesTo(OPS).stream().map(SlaMailTest::subject).toList();
        assertTrue(opsSubjects.stream().anyMatch(s -> s.contains(real.number())), opsSubjects.toString());
        assertTrue(opsSubjects.stream().noneMatch(s -> s.contains(sandbox.number())), opsSubjects.toString());
    }

    @Test
    void aBreachThatSaysItIsATestCasesPagesNoOneEvenBeforeTheCaseIsKnown() {
        UUID unknown = UUID.randomUUID();
        String breach = breached(unknown).replace("\"reason\":null", "\"reason\":null,\"testCase\":true");
        EventContract.assertConforms(breach);
        assertTrue(breach.contains("\"testCase\":true"), breach);

        EventTap.send(Events.SLA_TOPIC, unknown.toString(), breach);

        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM).queryParam("caseId", unknown.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].recipient", equalTo(OPS)).body("items[0].status", equalTo("SUPPRESSED")));
    }

    @Test
    void aTestCasesEventsStillReachThePartnersWebhookWithTheFlag() throws Exception {
        String partner = "partner-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        WebhookDeliveryTest.organization(OrgEvents.created(Events.id(), client, partner, true,
                now.minus(1, ChronoUnit.HOURS)), client);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            WebhookDeliveryTest.register(partner, receiver, null);
            TestCase sandbox = TestCase.of("en", null);
            String eventId = Events.id();
            Map<String, Object> data = sandbox.summary("NEW");
            data.put("organization", client);
            data.put("creator", sandbox.contact());
            data.put("relatedCaseIds", List.of());
            data.put("createdAt", now.toString());
            data.put("testCase", true);
            String opened = Events.event("io.casework.case.opened", eventId, "/casework/case-service",
                    sandbox.caseId().toString(), data);

            EventTap.send(CaseEvents.TOPIC, sandbox.caseId().toString(), opened);

            await().atMost(TIMEOUT).until(() -> !receiver.accepted(eventId).isEmpty());
            JsonNode delivered = EventContract.assertConforms(receiver.accepted(eventId).getFirst().body());
            assertTrue(delivered.path("data").path("testCase").asBoolean(false), delivered.toString());
            await().atMost(TIMEOUT).untilAsserted(() -> deliveries(SAM, sandbox).body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("SUPPRESSED")));
            assertEquals(List.of(), SmtpServer.messagesTo(sandbox.contact()));
        }
    }

    private static String opened(TestCase c, Boolean testCase) {
        Map<String, Object> fields = map("creator", c.contact(), "relatedCaseIds", List.of(),
                "createdAt", "2026-11-21T10:00:00Z");
        if (testCase != null) {
            fields.put("testCase", testCase);
        }
        return caseEvent("io.casework.case.opened", id(), c, "NEW", fields);
    }

    private static String breached(UUID caseId) {
        return Events.event("io.casework.sla.breached", id(), "/casework/sla-service", caseId.toString(), map(
                "caseId", caseId.toString(), "organization", "acme", "product", "Cloud Mail", "priority", "P2",
                "metric", "FIRST_RESPONSE", "cycle", 0, "calendar", "emea", "target", "PT4H",
                "dueAt", "2026-11-21T14:00:00Z", "occurredAt", "2026-11-21T14:00:00Z", "elapsed", "PT4H",
                "remaining", "PT0S", "reason", null));
    }

    private static ValidatableResponse deliveries(String token, TestCase c) {
        return given().auth().oauth2(token).queryParam("caseId", c.caseId().toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200);
    }
}
