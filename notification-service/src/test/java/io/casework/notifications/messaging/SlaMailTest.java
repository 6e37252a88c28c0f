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
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.domain.KnownCase;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class SlaMailTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String OPS = "ops@casework.example";

    @Test
    void warningGoesOnceToTheAssigneeKnownFromTheCaseEventsAndToTheOpsList() throws Exception {
        String assignee = "agent-" + UUID.randomUUID() + "@casework.example";
        TestCase c = TestCase.of("fr", assignee);
        EventTap.send("casework.case-events", c.caseId().toString(), caseEvent("io.casework.case.assigned", id(), c,
                "NEW", map("previousAssignee", null, "assignedBy", "sam@casework.example", "assignedAt", "2026-11-21T10:00:00Z")));
        await().atMost(TIMEOUT).until(() -> assignee.equals(QuarkusTransaction.requiringNew()
                .call(() -> KnownCase.<KnownCase>findByIdOptional(c.caseId()).map(k -> k.assignee).orElse(null))));
        long opsMailsBefore = SmtpServer.messagesTo(OPS).stream().filter(m -> subject(m).contains(c.number())).count();
        String warning = sla("io.casework.sla.warning", id(), c.caseId(), "PT1H");

        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), warning);
        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), warning);

        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM).queryParam("caseId", c.caseId().toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.kind", everyItem(equalTo("SLA_WARNING")))
                .body("items.status", everyItem(equalTo("SENT"))));
        MimeMessage toAssignee = SmtpServer.messagesTo(assignee).getFirst();
        assertEquals(1, SmtpServer.messagesTo(assignee).size());
        assertEquals("[" + c.number() + "] SLA warning: first response due 2026-11-21 14:00 UTC", toAssignee.getSubject());
        String text = Mails.text(toAssignee);
        assertTrue(text.contains("The target is close: it is due at 2026-11-21 14:00 UTC (PT1H of business time left)."), text);
        assertTrue(text.contains("Organization: acme"), text);
        assertTrue(Mails.html(toAssignee).contains("SLA WARNING"));
        assertEquals("en", toAssignee.getHeader("Content-Language")[0], "staff mail is in English");
        String warningId = Events.idOf(warning);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", warningId)));
        assertEquals(opsMailsBefore + 1, SmtpServer.messagesTo(OPS).stream().filter(m -> subject(m).contains(c.number())).count());
    }

    @Test
    void breachOfAnUnassignedCaseGoesToTheOpsListOnly() throws Exception {
        UUID caseId = UUID.randomUUID();

        EventTap.send(Events.SLA_TOPIC, caseId.toString(), sla("io.casework.sla.breached", id(), caseId, "PT0S"));

        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM).queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].recipient", equalTo(OPS))
                .body("items[0].kind", equalTo("SLA_BREACHED"))
                .body("items[0].status", equalTo("SENT")));
        MimeMessage mail = SmtpServer.messagesTo(OPS).stream().filter(m -> subject(m).contains(caseId.toString()))
                .findFirst().orElseThrow();
        assertEquals("[" + caseId + "] SLA breached: first response was due 2026-11-21 14:00 UTC", mail.getSubject());
        assertTrue(Mails.text(mail).contains("Assignee: nobody"), Mails.text(mail));
    }

    static String sla(String type, String eventId, UUID caseId, String remaining) {
        return Events.event(type, eventId, "/casework/sla-service", caseId.toString(), map("caseId", caseId.toString(),
                "organization", "acme", "product", "Cloud Mail", "priority", "P2", "metric", "FIRST_RESPONSE", "cycle", 0,
                "calendar", "emea", "target", "PT4H", "dueAt", "2026-11-21T14:00:00Z", "occurredAt", "2026-11-21T13:00:00Z",
                "elapsed", "PT3H", "remaining", remaining, "reason", null));
    }

    static String subject(MimeMessage message) {
        return CaseMailTest.subject(message);
    }
}
