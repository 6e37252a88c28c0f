package io.casework.notifications.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.Events;
import io.casework.notifications.Mails;
import io.casework.notifications.OrgEvents;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.domain.Delivery;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class ContractMailTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final LocalDate ENDED = LocalDate.of(2026, 11, 30);
    static final LocalDate RENEWED_UNTIL = LocalDate.of(2027, 11, 30);

    @Test
    void eachAdminGetsTheLapseAndTheRenewalMailOnceEvenWhenTheEventsAreRedelivered() throws Exception {
        String org = "org-" + UUID.randomUUID();
        String ann = "ann-" + UUID.randomUUID() + "@acme.example";
        String ben = "ben-" + UUID.randomUUID() + "@acme.example";
        // The same admin twice in another spelling still gets one mail.
        List<String> admins = List.of(ann, ben, ann.toUpperCase(Locale.ROOT));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String lapsed = OrgEvents.contractLapsed(Events.id(), org, "Acme Corporation", ENDED, 3, admins, at);
        String renewed = OrgEvents.contractRenewed(Events.id(), org, "Acme Corporation", RENEWED_UNTIL, ENDED, 1, admins,
                at.plusSeconds(3600));
        // Same key, same partition: once the marker is applied, every copy before it was handled.
        String marker = OrgEvents.created(Events.id(), org, null, false, at.plusSeconds(7200));

        EventTap.send(OrgEvents.TOPIC, org, lapsed);
        EventTap.send(OrgEvents.TOPIC, org, lapsed);
        EventTap.send(OrgEvents.TOPIC, org, renewed);
        EventTap.send(OrgEvents.TOPIC, org, renewed);
        EventTap.send(OrgEvents.TOPIC, org, marker);

        await().atMost(TIMEOUT).until(() -> processed(Events.idOf(marker)) == 1);
        for (String admin : List.of(ann, ben)) {
            List<MimeMessage> mails = SmtpServer.messagesTo(admin);
            assertEquals(List.of("[Casework] Maintenance contract of Acme Corporation expired",
                    "[Casework] Maintenance contract of Acme Corporation renewed"),
                    mails.stream().map(CaseMailTest::subject).toList(), "one mail of each, in order, to " + admin);
            for (MimeMessage mail : mails) {
                assertEquals("en", mail.getHeader("Content-Language")[0]);
                assertEquals("auto-generated", mail.getHeader("Auto-Submitted")[0]);
                assertEquals(1, mail.getAllRecipients().length, "each admin in a mail of their own");
            }
        }

        MimeMessage expired = SmtpServer.messagesTo(ann).getFirst();
        String text = Mails.text(expired);
        assertTrue(text.contains("The maintenance contract of Acme Corporation ended on 2026-11-30."), text);
        assertTrue(text.contains("3 open cases were put on hold. Cases on hold are paused"), text);
        assertTrue(text.contains("can no longer file new cases or add comments"), text);
        assertTrue(text.contains("To renew the contract, contact sales@casework.example."), text);
        String html = Mails.html(expired);
        assertNotNull(html, "an HTML alternative");
        assertTrue(html.contains("<th style=\"text-align: left; padding: 2px 12px 2px 0;\">Cases put on hold</th><td>3</td>"), html);
        assertTrue(html.contains("<a href=\"mailto:sales@casework.example\">sales@casework.example</a>"), html);

        MimeMessage renewal = SmtpServer.messagesTo(ben).get(1);
        String renewalText = Mails.text(renewal);
        assertTrue(renewalText.contains("The maintenance contract of Acme Corporation was renewed: it now runs until "
                + "2027-11-30. It had ended on 2026-11-30."), renewalText);
        assertTrue(renewalText.contains("1 case that was on hold has resumed"), renewalText);
        assertTrue(renewalText.contains("can file new cases and add comments again"), renewalText);
        assertTrue(renewalText.contains("Contact sales@casework.example."), renewalText);
        assertTrue(Mails.html(renewal).contains("<td>2027-11-30</td>"), Mails.html(renewal));

        for (String event : List.of(lapsed, renewed)) {
            String eventId = Events.idOf(event);
            assertEquals(1, processed(eventId), "one processed_message row");
            List<Delivery> deliveries = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("eventId", eventId));
            assertEquals(Set.of(ann, ben), deliveries.stream().map(d -> d.recipient).collect(Collectors.toSet()));
            for (Delivery delivery : deliveries) {
                assertEquals("SENT", delivery.status.name());
                assertEquals(org, delivery.organizationId);
                assertEquals(event.equals(lapsed) ? "CONTRACT_LAPSED" : "CONTRACT_RENEWED", delivery.kind.name());
            }
        }

        List<ConsumerRecord<String, String>> sent = EventTap.awaitAll("casework.notification-events",
                r -> org.equals(r.key()), 4, TIMEOUT);
        for (ConsumerRecord<String, String> record : sent) {
            JsonNode published = EventContract.assertConforms(record.value());
            assertEquals("io.casework.notification.sent", published.path("type").asText());
            assertEquals(org, published.path("data").path("organizationId").asText());
            assertTrue(published.path("data").path("caseId").isNull());
        }
        assertEquals(Set.of("CONTRACT_LAPSED", "CONTRACT_RENEWED"), sent.stream()
                .map(r -> EventContract.assertConforms(r.value()).path("data").path("kind").asText())
                .collect(Collectors.toSet()));
    }

    @Test
    void contractEventWithoutAdminsMailsNobody() {
        String org = "org-" + UUID.randomUUID();
        String lapsed = OrgEvents.contractLapsed(Events.id(), org, "Initech", ENDED, 0, List.of(), Instant.now());
        String lapsedId = Events.idOf(lapsed);

        EventTap.send(OrgEvents.TOPIC, org, lapsed);

        await().atMost(TIMEOUT).until(() -> processed(lapsedId) == 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Delivery.count("eventId", lapsedId)));
        assertThrows(AssertionError.class, () -> EventTap.await("casework.notification-events",
                r -> org.equals(r.key()), Duration.ofSeconds(3)), "no notification.sent for the organization");
    }

    static long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId));
    }
}
