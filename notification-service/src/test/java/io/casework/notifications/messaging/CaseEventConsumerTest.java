package io.casework.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.domain.Delivery;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class CaseEventConsumerTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");

    @Inject
    MeterRegistry metrics;

    @Test
    void newCaseIsMailedOnceInFrenchEvenWhenTheEventIsRedelivered() throws Exception {
        String contact = "pat-" + UUID.randomUUID() + "@acme.example";
        UUID caseId = UUID.randomUUID();
        String number = CaseEvents.newCaseNumber();
        String eventId = UUID.randomUUID().toString();
        String event = CaseEvents.caseOpened(eventId, caseId, number, contact, "fr");
        double duplicatesBefore = duplicates();

        EventTap.send(CaseEvents.TOPIC, caseId.toString(), event);
        EventTap.send(CaseEvents.TOPIC, caseId.toString(), event);

        await().atMost(TIMEOUT).until(() -> duplicates() > duplicatesBefore);
        await().atMost(TIMEOUT).until(() -> !SmtpServer.messagesTo(contact).isEmpty());
        List<MimeMessage> mails = SmtpServer.messagesTo(contact);
        assertEquals(1, mails.size(), "one mail per event and recipient");
        MimeMessage mail = mails.getFirst();
        assertEquals("[" + number + "] Demande reçue : Mail delivery delayed for all users", mail.getSubject());
        assertEquals("Casework Support <support@casework.example>", mail.getFrom()[0].toString());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);
        String text = Mails.text(mail);
        assertTrue(text.contains("Nous avons bien reçu votre demande d'assistance " + number), text);
        assertTrue(text.contains("Priorité: P2 (Grave)"), text);
        assertTrue(text.contains("Le délai de première réponse prévu par votre contrat de support"), text);
        String html = Mails.html(mail);
        assertNotNull(html, "an HTML alternative");
        assertTrue(html.contains("<td>" + number + "</td>"), html);
        assertTrue(html.contains("d&#39;assistance") || html.contains("d'assistance"), html);

        long processed = QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId));
        assertEquals(1, processed);
        List<Delivery> deliveries = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId", eventId));
        assertEquals(1, deliveries.size());
        assertEquals("SENT", deliveries.getFirst().status.name());
        // One mail, whatever the attempts: on a loaded machine the first SMTP connection may time out and be retried.
        assertTrue(deliveries.getFirst().attempts >= 1);

        ConsumerRecord<String, String> sent = EventTap.await("casework.notification-events",
                r -> caseId.toString().equals(r.key()), TIMEOUT);
        JsonNode published = EventContract.assertConforms(sent.value());
        assertEquals("io.casework.notification.sent", published.path("type").asText());
        assertEquals("/casework/notification-service", published.path("source").asText());
        assertEquals(caseId.toString(), published.path("subject").asText());
        JsonNode data = published.path("data");
        assertEquals(deliveries.getFirst().id.toString(), data.path("deliveryId").asText());
        assertEquals("CASE_OPENED", data.path("kind").asText());
        assertEquals(contact, data.path("recipient").asText());
        assertEquals("fr", data.path("language").asText());
        assertFalse(data.has("text") || data.has("html") || data.has("body"), "no body in events");
    }

    @Test
    void contactAndEachCcGetOneMailOfTheirOwn() throws Exception {
        String contact = "pat-" + UUID.randomUUID() + "@acme.example";
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        UUID caseId = UUID.randomUUID();

        EventTap.send(CaseEvents.TOPIC, caseId.toString(), CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId,
                CaseEvents.newCaseNumber(), contact, List.of(cc, contact.toUpperCase()), "en"));

        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM)
                .queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.status", everyItem(equalTo("SENT"))));
        assertEquals(1, SmtpServer.messagesTo(contact).size());
        assertEquals(1, SmtpServer.messagesTo(cc).size());
        assertEquals(List.of(cc), List.of(SmtpServer.messagesTo(cc).getFirst().getAllRecipients()).stream()
                .map(Object::toString).toList(), "each mail goes to its own recipient only");
    }

    @Test
    void eachCasesMailsGoOutInTheOrderOfItsEventsWhileCasesAreHandledTogether() throws Exception {
        List<TestCase> cases = java.util.stream.IntStream.range(0, 6).mapToObj(i -> TestCase.of("en", null)).toList();
        int comments = 5;
        // Interleaved as on the topic: each case's events are in order in its partition, the cases mixed.
        for (int step = 1; step <= comments; step++) {
            for (TestCase c : cases) {
                EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), Events.caseEvent("io.casework.case.comment-added",
                        Events.id(), c, "IN_PROGRESS", Events.map("commentId", UUID.randomUUID().toString(),
                                "author", "sam@casework.example", "authorKind", "STAFF", "visibility", "PUBLIC",
                                "body", "Step " + step + " of " + c.number(), "firstResponse", false,
                                "createdAt", "2026-11-21T10:00:00Z")));
            }
        }

        for (TestCase c : cases) {
            await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(c.contact()).size() == comments);
            List<MimeMessage> mails = SmtpServer.messagesTo(c.contact());
            for (int step = 1; step <= comments; step++) {
                String text = Mails.text(mails.get(step - 1));
                assertTrue(text.contains("Step " + step + " of " + c.number()), "mail " + step + " of " + c.number()
                        + " out of order:\n" + text);
            }
        }
    }

    @Test
    void caseInAnUnsupportedLanguageIsMailedInEnglish() throws Exception {
        String contact = "pat-" + UUID.randomUUID() + "@acme.example";
        UUID caseId = UUID.randomUUID();
        String number = CaseEvents.newCaseNumber();

        EventTap.send(CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, number, contact, "de"));

        await().atMost(TIMEOUT).until(() -> !SmtpServer.messagesTo(contact).isEmpty());
        MimeMessage mail = SmtpServer.messagesTo(contact).getFirst();
        assertEquals("[" + number + "] Case received: Mail delivery delayed for all users", mail.getSubject());
        String text = Mails.text(mail);
        assertTrue(text.contains("Priority: P2 (Severe)"), text);
        assertTrue(text.contains("The first-response target for this case, as set by your support plan, will follow"),
                text);
        assertEquals("en", mail.getHeader("Content-Language")[0]);
    }

    @Test
    void recipientsChosenLanguageOverridesTheCaseLanguage() throws Exception {
        String contact = "Kim-" + UUID.randomUUID() + "@Acme.example";
        given().auth().oauth2(Tokens.of(contact, "acme", "customer")).contentType(ContentType.JSON)
                .body("""
                        {"language": "nl", "caseUpdates": true}
                        """)
                .put("/api/v1/notifications/preferences/me").then().statusCode(201);
        UUID caseId = UUID.randomUUID();
        String number = CaseEvents.newCaseNumber();

        EventTap.send(CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, number, contact, "fr"));

        await().atMost(TIMEOUT).until(() -> !SmtpServer.messagesTo(contact).isEmpty());
        MimeMessage mail = SmtpServer.messagesTo(contact).getFirst();
        assertEquals("[" + number + "] Melding ontvangen: Mail delivery delayed for all users", mail.getSubject());
        assertTrue(Mails.text(mail).contains("Prioriteit: P2 (Ernstig)"), Mails.text(mail));
    }

    @Test
    void mailThatTheSmtpServerRefusedIsLoggedAsFailedAndRetriedUntilSent() throws Exception {
        String contact = "pat-" + UUID.randomUUID() + "@acme.example";
        UUID caseId = UUID.randomUUID();
        SmtpServer.takeDown();
        try {
            EventTap.send(CaseEvents.TOPIC, caseId.toString(), CaseEvents.caseOpened(UUID.randomUUID().toString(),
                    caseId, CaseEvents.newCaseNumber(), contact, "en"));

            await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM)
                    .queryParam("caseId", caseId.toString())
                    .get("/api/v1/notifications/deliveries").then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("FAILED"))
                    .body("items[0].lastError", notNullValue()));
        } finally {
            SmtpServer.startAgain();
        }

        await().atMost(TIMEOUT).until(() -> !SmtpServer.messagesTo(contact).isEmpty());
        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM)
                .queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", greaterThanOrEqualTo(2))
                .body("items[0].sentAt", notNullValue()));
        assertEquals(1, SmtpServer.messagesTo(contact).size());
    }

    @Test
    void caseEventWithoutContactGoesToTheDeadLetterTopic() {
        UUID caseId = UUID.randomUUID();
        String event = CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, CaseEvents.newCaseNumber(),
                "nobody@acme.example", "en").replace("\"contactEmail\": \"nobody@acme.example\", ", "");

        EventTap.send(CaseEvents.TOPIC, caseId.toString(), event);

        EventTap.await("casework.notification-service.dlq", r -> caseId.toString().equals(r.key()), TIMEOUT);
        assertTrue(SmtpServer.messagesTo("nobody@acme.example").isEmpty());
    }

    private double duplicates() {
        Counter counter = metrics.find("casework.inbound.duplicates").tag("type", "io.casework.case.opened").counter();
        return counter == null ? 0 : counter.count();
    }
}
