package io.casework.notifications.messaging;

import static io.casework.notifications.Events.id;
import static io.casework.notifications.Events.map;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.notifications.Events;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.domain.Subscription;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class KnownIssueMailTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Pattern LIST_UNSUBSCRIBE = Pattern.compile("<https://casework\\.test(/api/v1/notifications/unsubscribe)\\?token=([A-Za-z0-9_.-]+)>");

    @Test
    void subscribersGetEachUpdateWithAOneClickUnsubscribeAndNoMoreOnceTheyUsedIt() throws Exception {
        UUID incidentId = UUID.randomUUID();
        String number = "KI-2026-%04d".formatted(Math.abs(incidentId.hashCode() % 10000));
        String dana = "dana-" + UUID.randomUUID() + "@acme.example";
        String eli = "eli-" + UUID.randomUUID() + "@globex.example";
        subscribe(incidentId, number, dana);
        subscribe(incidentId, number, eli);
        await().atMost(TIMEOUT).until(() -> activeSubscribers(incidentId) == 2);

        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), update(incidentId, number, "IDENTIFIED", 2,
                "We found a faulty queue node and are draining it."));

        await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(dana).size() == 1 && SmtpServer.messagesTo(eli).size() == 1);
        MimeMessage mail = SmtpServer.messagesTo(dana).getFirst();
        assertEquals("[" + number + "] Known issue updated: Mail delivery delayed", mail.getSubject());
        assertEquals("en", mail.getHeader("Content-Language")[0]);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        Matcher header = LIST_UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertTrue(header.matches(), mail.getHeader("List-Unsubscribe")[0]);
        String token = header.group(2);
        assertTrue(token.length() > 60, "unguessable: signed with HMAC-SHA256");
        assertTrue(Mails.text(mail).contains("We found a faulty queue node and are draining it."), Mails.text(mail));
        assertTrue(Mails.text(mail).contains("https://casework.test/api/v1/notifications/unsubscribe?token=" + token));
        assertTrue(Mails.html(mail).contains("href=\"https://casework.test/api/v1/notifications/unsubscribe?token=" + token + "\""));
        String eliToken = tokenOf(SmtpServer.messagesTo(eli).getFirst());
        assertFalse(token.equals(eliToken), "each subscriber has a link of their own");

        // GET only asks; link scanners must not unsubscribe anyone
        given().queryParam("token", token).get("/api/v1/notifications/unsubscribe")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(number + ": Mail delivery delayed"))
                .body(containsString("method=\"post\""));
        assertEquals(2, activeSubscribers(incidentId));
        // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the header's URI, without login
        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post("/api/v1/notifications/unsubscribe")
                .then().statusCode(200).body(containsString("You are unsubscribed"));
        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click")
                .post("/api/v1/notifications/unsubscribe")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> unsubscribed = EventTap.awaitAll("casework.notification-events",
                r -> incidentId.toString().equals(r.key()) && r.value().contains("io.casework.notification.unsubscribed"), 1, TIMEOUT);
        JsonNode event = EventContract.assertConforms(unsubscribed.getFirst().value());
        assertEquals(dana, event.path("data").path("subscriberEmail").asText());
        assertEquals(number, event.path("data").path("incidentNumber").asText());
        assertTrue(event.path("data").path("oneClick").asBoolean());

        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), update(incidentId, number, "RESOLVED", 3,
                "The queue is drained; mail flows normally again."));
        await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(eli).size() == 2);
        MimeMessage resolved = SmtpServer.messagesTo(eli).get(1);
        assertEquals("[" + number + "] Known issue resolved: Mail delivery delayed", resolved.getSubject());
        assertEquals(1, SmtpServer.messagesTo(dana).size(), "no mail after unsubscribing");
        assertThrows(AssertionError.class, () -> EventTap.awaitAll("casework.notification-events",
                r -> incidentId.toString().equals(r.key()) && r.value().contains("io.casework.notification.unsubscribed"), 2,
                Duration.ofSeconds(3)), "a second unsubscribe publishes nothing");
    }

    @Test
    void removedSubscriptionGetsNoMoreMail() {
        UUID incidentId = UUID.randomUUID();
        String number = "KI-2026-0042";
        String dana = "dana-" + UUID.randomUUID() + "@acme.example";
        String eli = "eli-" + UUID.randomUUID() + "@acme.example";
        subscribe(incidentId, number, dana);
        subscribe(incidentId, number, eli);
        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), Events.event("io.casework.status.subscription-removed", id(),
                "/casework/status-service", incidentId.toString(), subscription(incidentId, number, dana,
                        map("removedAt", "2026-11-21T11:00:00Z"))));

        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), update(incidentId, number, "MONITORING", 2, "Watching."));

        await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(eli).size() == 1);
        assertTrue(SmtpServer.messagesTo(dana).isEmpty());
    }

    @Test
    void theIncidentReportReachesWhoStillFollowsTheKnownIssue() throws Exception {
        UUID incidentId = UUID.randomUUID();
        String number = "KI-2026-%04d".formatted(Math.abs(incidentId.hashCode() % 10000));
        String dana = "dana-" + UUID.randomUUID() + "@acme.example";
        String eli = "eli-" + UUID.randomUUID() + "@acme.example";
        subscribe(incidentId, number, dana);
        subscribe(incidentId, number, eli);
        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), Events.event("io.casework.status.subscription-removed", id(),
                "/casework/status-service", incidentId.toString(), subscription(incidentId, number, eli,
                        map("removedAt", "2026-11-21T11:00:00Z"))));
        await().atMost(TIMEOUT).until(() -> activeSubscribers(incidentId) == 1);

        String report = postmortem(incidentId, number, "https://status.casework.example/reports/" + number + ".pdf",
                "A full disk on one queue node stopped outgoing mail; disks now alert at 80 %.");
        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), report);
        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), report); // redelivered: still one mail

        await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(dana).size() == 1);
        MimeMessage mail = SmtpServer.messagesTo(dana).getFirst();
        assertEquals("[" + number + "] Incident report: Mail delivery delayed", mail.getSubject());
        String text = Mails.text(mail);
        assertTrue(text.contains("Read the report: https://status.casework.example/reports/" + number + ".pdf"), text);
        assertTrue(text.contains("disks now alert at 80 %"), text);
        assertTrue(text.contains("Status: RESOLVED"), text);
        assertFalse(text.contains("Severity:") || text.contains("null"), "a report has no severity line: " + text);
        assertTrue(Mails.html(mail).contains("href=\"https://status.casework.example/reports/" + number + ".pdf\""));
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(LIST_UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]).matches());
        await().pollDelay(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> true);
        assertEquals(1, SmtpServer.messagesTo(dana).size(), "the redelivered event mails no one again");
        assertTrue(SmtpServer.messagesTo(eli).isEmpty(), "who left the known issue gets no report");
    }

    @Test
    void forgedOrTamperedUnsubscribeTokenIsRejected() {
        given().queryParam("token", "aW5jaWRlbnQ.c2lnbmF0dXJl").get("/api/v1/notifications/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("token", "not-a-token").post("/api/v1/notifications/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json").body(not(containsString("unsubscribed")));
        given().get("/api/v1/notifications/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
    }

    static void subscribe(UUID incidentId, String number, String email) {
        EventTap.send(Events.STATUS_TOPIC, incidentId.toString(), Events.event("io.casework.status.subscription-added", id(),
                "/casework/status-service", incidentId.toString(), subscription(incidentId, number, email, Map.of())));
    }

    static Map<String, Object> subscription(UUID incidentId, String number, String email, Map<String, Object> extra) {
        Map<String, Object> data = map("incidentId", incidentId.toString(), "incidentNumber", number,
                "title", "Mail delivery delayed", "impact", "DISRUPTION", "severity", "HIGH",
                "affectedProducts", List.of("cloud-mail"), "subscriberEmail", email, "subscriberOrganization", "acme",
                "subscribedAt", "2026-11-21T10:30:00Z");
        data.putAll(extra);
        return data;
    }

    static String update(UUID incidentId, String number, String state, int seq, String message) {
        Map<String, Object> data = map("incidentId", incidentId.toString(), "number", number, "kind", "INCIDENT",
                "title", "Mail delivery delayed", "severity", "HIGH", "impact", "DISRUPTION", "visibility", "PUBLIC",
                "state", state, "previousState", "INVESTIGATING", "seq", seq, "message", message, "author", "olga@casework.example",
                "affectedProducts", List.of("cloud-mail"), "regions", List.of("EMEA"), "updatedAt", "2026-11-21T11:00:00Z",
                "resolvedAt", "RESOLVED".equals(state) ? "2026-11-21T12:00:00Z" : null);
        return Events.event("io.casework.status.incident-updated", id(), "/casework/status-service", incidentId.toString(), data);
    }

    static String postmortem(UUID incidentId, String number, String url, String summary) {
        Map<String, Object> data = map("incidentId", incidentId.toString(), "number", number, "title", "Mail delivery delayed",
                "visibility", "PUBLIC", "affectedProducts", List.of("cloud-mail"), "url", url, "summary", summary,
                "author", "olga@casework.example", "publishedAt", "2026-11-22T09:00:00Z");
        return Events.event("io.casework.status.postmortem-published", id(), "/casework/status-service", incidentId.toString(), data);
    }

    static long activeSubscribers(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.count("incidentId = ?1 and removedAt is null", incidentId));
    }

    static String tokenOf(MimeMessage mail) throws Exception {
        Matcher header = LIST_UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]);
        assertTrue(header.matches());
        return header.group(2);
    }
}
