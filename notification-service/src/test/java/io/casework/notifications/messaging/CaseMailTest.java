package io.casework.notifications.messaging;

import static io.casework.notifications.Events.caseEvent;
import static io.casework.notifications.Events.id;
import static io.casework.notifications.Events.map;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;

@QuarkusTest
class CaseMailTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String SUBJECT = "Mail delivery delayed for all users";

    @Test
    void staffCommentIsMailedToTheCustomersAndCustomerCommentToTheAssigneeButInternalNotesToNobody() throws Exception {
        String assignee = "agent-" + UUID.randomUUID() + "@casework.example";
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        TestCase c = TestCase.of("en", assignee, cc);

        send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS", comment(assignee, "INTERNAL", "STAFF",
                "Customer seems to use an old client")));
        send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS", comment(assignee, "PUBLIC", "STAFF",
                "Please restart the sync client.\nThen tell us <what> you see.")));
        send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS", comment(c.contact(), "PUBLIC", "CUSTOMER",
                "Restarted, still delayed.")));

        awaitDeliveries(c, 3);
        MimeMessage toContact = single(c.contact());
        assertEquals("[" + c.number() + "] New reply: " + SUBJECT, toContact.getSubject());
        assertTrue(Mails.text(toContact).contains("Our support team replied on your case " + c.number()), Mails.text(toContact));
        assertTrue(Mails.text(toContact).contains("Then tell us <what> you see."), Mails.text(toContact));
        assertTrue(Mails.html(toContact).contains("Then tell us &lt;what&gt; you see."), Mails.html(toContact));
        assertEquals(1, SmtpServer.messagesTo(cc).size());
        MimeMessage toAssignee = single(assignee);
        assertTrue(Mails.text(toAssignee).contains(c.contact() + " replied on case " + c.number()), Mails.text(toAssignee));
        assertTrue(Mails.text(toAssignee).contains("Restarted, still delayed."));
        for (String recipient : List.of(c.contact(), cc, assignee)) {
            SmtpServer.messagesTo(recipient).forEach(m -> assertFalse(Mails.text(m).contains("old client"), "internal note mailed"));
        }
    }

    @Test
    void solutionMailExplainsTheResolutionCodeInTheCaseLanguage() throws Exception {
        TestCase c = TestCase.of("nl", "sam@casework.example");

        // case-service records the state change first; the solution has a mail of its own, so no state mail
        send(c, caseEvent("io.casework.case.state-changed", id(), c, "SOLUTION_PROVIDED", stateChange("IN_PROGRESS",
                "SOLUTION_PROVIDED", "sam@casework.example", "Solution provided: CANNOT_REPRODUCE")));
        send(c, caseEvent("io.casework.case.resolved", id(), c, "SOLUTION_PROVIDED", map("resolutionCode", "CANNOT_REPRODUCE",
                "note", "Geen vertraging meer gezien sinds dinsdag.", "resolvedBy", "sam@casework.example",
                "resolvedAt", "2026-11-21T10:00:00Z")));

        awaitDeliveries(c, 1);
        MimeMessage mail = single(c.contact());
        assertEquals("[" + c.number() + "] Oplossing gegeven: " + SUBJECT, mail.getSubject());
        String text = Mails.text(mail);
        assertTrue(text.contains("we konden het probleem niet reproduceren"), text);
        assertTrue(text.contains("Geen vertraging meer gezien sinds dinsdag."), text);
        assertTrue(Mails.html(mail).contains("we konden het probleem niet reproduceren"));
        assertEquals("nl", mail.getHeader("Content-Language")[0]);
    }

    @Test
    void closedMailGivesOnlyTheContactASignedSurveyLinkThatNeedsNoLogin() throws Exception {
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        TestCase c = TestCase.of("fr", "sam@casework.example", cc);

        send(c, caseEvent("io.casework.case.closed", id(), c, "CLOSED", map("closedBy", "system", "automatic", true,
                "closedAt", "2026-11-21T10:00:00Z", "surveyPath", "/api/v1/cases/" + c.caseId() + "/survey")));

        awaitDeliveries(c, 2);
        MimeMessage mail = single(c.contact());
        assertEquals("[" + c.number() + "] Demande clôturée : " + SUBJECT, mail.getSubject());
        String text = Mails.text(mail);
        assertTrue(text.contains("clôturée automatiquement"), text);
        Matcher link = Pattern.compile("https://casework\\.test/api/v1/cases/" + c.caseId()
                + "/survey/signed\\?token=(\\d+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)").matcher(text);
        assertTrue(link.find(), text);
        long expiry = Long.parseLong(link.group(1));
        assertTrue(expiry > Instant.now().plus(Duration.ofDays(29)).getEpochSecond(), "valid for 30 days");
        String recipient = new String(Base64.getUrlDecoder().decode(link.group(2)), StandardCharsets.UTF_8);
        assertEquals(c.contact().toLowerCase(java.util.Locale.ROOT), recipient, "made for the contact");
        assertEquals(hmac("test-link-secret", "survey\n" + c.caseId() + "\n" + recipient + "\n" + expiry), link.group(3),
                "HMAC-SHA256 over survey, caseId, recipient and expiry (docs/notifications.md)");
        assertTrue(Mails.html(mail).contains("href=\"" + link.group() + "\""), Mails.html(mail));
        assertFalse(Mails.text(single(cc)).contains("/survey"), "the survey is the contact's");
    }

    @Test
    void stateChangeMailNamesTheNewStateAndThePendingFirstResponseTarget() throws Exception {
        TestCase c = TestCase.of("en", null);
        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), Events.event("io.casework.sla.targets-set", id(),
                "/casework/sla-service", c.caseId().toString(), map("caseId", c.caseId().toString(), "organization", "acme",
                        "priority", "P2", "plan", "standard", "planVersion", 1, "reason", "OPENED",
                        "setAt", "2026-11-21T10:00:00Z", "targets", List.of(map("metric", "FIRST_RESPONSE", "cycle", 0,
                                "state", "RUNNING", "calendar", "emea", "target", "PT4H", "dueAt", "2026-11-21T14:00:00Z",
                                "warnAt", "2026-11-21T13:00:00Z")))));
        await().atMost(TIMEOUT).until(() -> firstResponseKnown(c.caseId()));

        send(c, caseEvent("io.casework.case.state-changed", id(), c, "ACTION_REQUIRED", stateChange("IN_PROGRESS",
                "ACTION_REQUIRED", "sam@casework.example", "Need the message headers")));

        awaitDeliveries(c, 1);
        MimeMessage mail = single(c.contact());
        assertEquals("[" + c.number() + "] Status: Waiting for your reply - " + SUBJECT, mail.getSubject());
        String text = Mails.text(mail);
        assertTrue(text.contains("The status of your case " + c.number() + " is now: Waiting for your reply."), text);
        assertTrue(text.contains("Reason: Need the message headers"), text);
        assertTrue(text.contains("First response due by 2026-11-21 14:00 UTC."), text);
    }

    @Test
    void optionalMailsRespectThePreferenceButTheSolutionIsAlwaysMailed() throws Exception {
        TestCase c = TestCase.of("en", null);
        given().auth().oauth2(Tokens.of(c.contact(), "acme", "customer")).contentType(ContentType.JSON)
                .body("{\"language\": \"fr\", \"caseUpdates\": false}")
                .put("/api/v1/notifications/preferences/me").then().statusCode(201);

        send(c, caseEvent("io.casework.case.escalated", id(), c, "IN_PROGRESS", map("reason", "BUSINESS_IMPACT",
                "justification", "Board meeting tomorrow", "escalatedBy", c.contact(), "escalatedAt", "2026-11-21T10:00:00Z")));
        send(c, caseEvent("io.casework.case.reopened", id(), c, "IN_PROGRESS", map("reopenCount", 1,
                "reopenedBy", c.contact(), "reopenedAt", "2026-11-21T10:00:00Z")));
        send(c, caseEvent("io.casework.case.resolved", id(), c, "SOLUTION_PROVIDED", map("resolutionCode", "RESOLVED",
                "note", "Fixed.", "resolvedBy", "sam@casework.example", "resolvedAt", "2026-11-21T10:00:00Z")));

        awaitDeliveries(c, 1);
        MimeMessage mail = single(c.contact());
        assertEquals("[" + c.number() + "] Solution proposée : " + SUBJECT, mail.getSubject());
        assertTrue(Mails.text(mail).contains("Résolution : le problème est résolu."), Mails.text(mail));
    }

    @Test
    void escalationAndReopeningAreMailedToContactAndCcs() throws Exception {
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        TestCase c = TestCase.of("en", null, cc);

        send(c, caseEvent("io.casework.case.escalated", id(), c, "IN_PROGRESS", map("reason", "RESOLUTION_TIME",
                "justification", "Open for two weeks", "escalatedBy", c.contact(), "escalatedAt", "2026-11-21T10:00:00Z")));
        send(c, caseEvent("io.casework.case.reopened", id(), c, "IN_PROGRESS", map("reopenCount", 1,
                "reopenedBy", c.contact(), "reopenedAt", "2026-11-21T10:00:00Z")));

        awaitDeliveries(c, 4);
        for (String recipient : List.of(c.contact(), cc)) {
            List<String> subjects = SmtpServer.messagesTo(recipient).stream().map(CaseMailTest::subject).sorted().toList();
            assertEquals(List.of("[" + c.number() + "] Case escalated: " + SUBJECT, "[" + c.number() + "] Case reopened: " + SUBJECT),
                    subjects);
        }
        MimeMessage escalated = SmtpServer.messagesTo(c.contact()).stream()
                .filter(m -> subject(m).contains("escalated")).findFirst().orElseThrow();
        assertTrue(Mails.text(escalated).contains("Reason: the resolution is taking too long."), Mails.text(escalated));
    }

    static Events.TestCase send(TestCase c, String event) {
        EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), event);
        return c;
    }

    static java.util.Map<String, Object> comment(String author, String visibility, String authorKind, String body) {
        return map("commentId", UUID.randomUUID().toString(), "author", author, "authorKind", authorKind,
                "visibility", visibility, "body", "PUBLIC".equals(visibility) ? body : null, "firstResponse", false,
                "createdAt", "2026-11-21T10:00:00Z");
    }

    static java.util.Map<String, Object> stateChange(String from, String to, String by, String reason) {
        return map("from", from, "to", to, "changedBy", by, "reason", reason, "changedAt", "2026-11-21T10:00:00Z");
    }

    /** Waits until the case's log holds exactly {@code count} sent mails (and stays there: nothing else is due). */
    static void awaitDeliveries(TestCase c, int count) {
        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM).queryParam("caseId", c.caseId().toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200)
                .body("items.findAll { it.status == 'SENT' }.size()", equalTo(count)));
    }

    static MimeMessage single(String recipient) {
        List<MimeMessage> mails = SmtpServer.messagesTo(recipient);
        assertEquals(1, mails.size(), "mails to " + recipient);
        assertNotNull(Mails.html(mails.getFirst()), "an HTML part");
        assertNotNull(Mails.text(mails.getFirst()), "a text part");
        return mails.getFirst();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean firstResponseKnown(UUID caseId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            io.casework.notifications.domain.KnownCase known = io.casework.notifications.domain.KnownCase.findById(caseId);
            return known != null && known.firstResponseDueAt != null;
        });
    }

    static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
