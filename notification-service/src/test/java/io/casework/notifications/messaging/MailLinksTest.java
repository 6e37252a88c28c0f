package io.casework.notifications.messaging;

import static io.casework.notifications.Events.caseEvent;
import static io.casework.notifications.Events.id;
import static io.casework.notifications.Events.map;
import static io.casework.notifications.messaging.CaseMailTest.awaitDeliveries;
import static io.casework.notifications.messaging.CaseMailTest.comment;
import static io.casework.notifications.messaging.CaseMailTest.hmac;
import static io.casework.notifications.messaging.CaseMailTest.send;
import static io.casework.notifications.messaging.CaseMailTest.stateChange;
import static io.casework.notifications.messaging.CaseMailTest.subject;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.Mails;
import io.casework.notifications.SmtpServer;
import io.casework.notifications.mail.SignedLinks;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

/**
 * Every kind of case mail, sent through the real SMTP server, keeps its promises: each links to its case, the closing
 * mail's survey link is signed for its recipient as case-service verifies it (docs/notifications.md), the receipt's
 * "will follow in a separate message" is followed by that message, and no mail carries any other link. (The links lead
 * to case-service, which is not part of this module's tests: deploy/e2e MailLinksIT follows them on the running stack.
 * Known-issue mails' unsubscribe links are followed in KnownIssueMailTest.)
 */
@QuarkusTest
class MailLinksTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");
    static final String OPS = "ops@casework.example";

    @Inject
    SignedLinks links;

    @Test
    void everyCaseMailLinksToItsCaseAndTheClosingMailCarriesASurveyLinkForItsContactOnly() throws Exception {
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        String assignee = "agent-" + UUID.randomUUID() + "@casework.example";
        TestCase c = TestCase.of("en", assignee, cc);
        String caseUrl = "https://casework.test/api/v1/cases/" + c.caseId();

        EventTap.send(CaseEvents.TOPIC, c.caseId().toString(),
                CaseEvents.caseOpened(id(), c.caseId(), c.number(), c.contact(), List.of(cc), "en"));
        awaitDeliveries(c, 2);
        targetsSet(c, "2026-11-21T14:00:00Z");
        awaitDeliveries(c, 4);
        send(c, caseEvent("io.casework.case.state-changed", id(), c, "ACTION_REQUIRED",
                stateChange("IN_PROGRESS", "ACTION_REQUIRED", "sam@casework.example", "Need the headers")));
        send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS",
                comment("sam@casework.example", "PUBLIC", "STAFF", "Please restart the client.")));
        send(c, caseEvent("io.casework.case.comment-added", id(), c, "IN_PROGRESS",
                comment(c.contact(), "PUBLIC", "CUSTOMER", "Restarted.")));
        send(c, caseEvent("io.casework.case.escalated", id(), c, "IN_PROGRESS", map("reason", "BUSINESS_IMPACT",
                "justification", "Board meeting", "escalatedBy", c.contact(), "escalatedAt", "2026-11-21T10:00:00Z")));
        send(c, caseEvent("io.casework.case.resolved", id(), c, "SOLUTION_PROVIDED", map("resolutionCode", "RESOLVED",
                "note", "Fixed.", "resolvedBy", "sam@casework.example", "resolvedAt", "2026-11-21T10:00:00Z")));
        send(c, caseEvent("io.casework.case.closed", id(), c, "CLOSED", map("closedBy", c.contact(), "automatic", false,
                "closedAt", "2026-11-21T10:00:00Z", "surveyPath", "/api/v1/cases/" + c.caseId() + "/survey")));
        send(c, caseEvent("io.casework.case.reopened", id(), c, "IN_PROGRESS", map("reopenCount", 1,
                "reopenedBy", c.contact(), "reopenedAt", "2026-11-21T10:00:00Z")));
        // The SLA mails go to the assignee as last carried by a case event (the receipt carries none): the case
        // events first, or a warning read before them reaches only ops.
        awaitDeliveries(c, 4 + 12 + 1);
        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), SlaMailTest.sla("io.casework.sla.warning", id(), c.caseId(), "PT1H"));
        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), SlaMailTest.sla("io.casework.sla.breached", id(), c.caseId(), "PT0S"));
        // receipt and target 2 x 2; state, staff comment, escalation, solution, close, reopening 6 x 2; customer
        // comment 1; SLA warning and breach 2 x 2 (assignee and ops)
        awaitDeliveries(c, 4 + 12 + 1 + 4);

        List<MimeMessage> mails = new ArrayList<>();
        for (String recipient : List.of(c.contact(), cc, assignee)) {
            mails.addAll(SmtpServer.messagesTo(recipient));
        }
        SmtpServer.messagesTo(OPS).stream().filter(m -> subject(m).contains(c.number())).forEach(mails::add);
        assertEquals(21, mails.size());
        Set<String> kinds = new LinkedHashSet<>();
        for (MimeMessage mail : mails) {
            String subject = subject(mail);
            kinds.add(subject.replaceAll("\\[.*?\\] ", "").replaceAll(":.*", ""));
            for (String body : List.of(Mails.text(mail), Mails.html(mail))) {
                List<String> links = links(body);
                assertTrue(links.contains(caseUrl), subject + " links to its case: " + links);
                boolean survey = subject.contains("Case closed") && mail.getAllRecipients()[0].toString().equals(c.contact());
                for (String link : links) {
                    if (link.equals(caseUrl)) {
                        continue;
                    }
                    assertTrue(survey, subject + " carries no other link than the case's: " + link);
                    assertSurveyLinkFor(c, c.contact(), link);
                }
                if (survey) {
                    assertTrue(links.stream().anyMatch(l -> l.contains("/survey/signed?token=")), "the contact's survey link");
                }
            }
        }
        assertEquals(Set.of("Case received", "First-response target", "Status", "New reply", "Case escalated",
                "Solution provided", "Case closed", "Case reopened", "SLA warning", "SLA breached"), kinds);
    }

    @Test
    void receiptThatPromisedTheTargetIsFollowedByItOnceAndAReceiptSentAfterTheTargetStatesIt() throws Exception {
        TestCase promised = TestCase.of("fr", null);
        EventTap.send(CaseEvents.TOPIC, promised.caseId().toString(),
                CaseEvents.caseOpened(id(), promised.caseId(), promised.number(), promised.contact(), "fr"));
        awaitDeliveries(promised, 1);
        assertTrue(Mails.text(SmtpServer.messagesTo(promised.contact()).getFirst()).contains("dans un message séparé"));

        targetsSet(promised, "2026-11-23T09:00:00Z");
        awaitDeliveries(promised, 2);
        MimeMessage target = SmtpServer.messagesTo(promised.contact()).get(1);
        assertEquals("[" + promised.number() + "] Délai de première réponse : Mail delivery delayed for all users",
                target.getSubject());
        assertTrue(Mails.text(target).contains("Première réponse prévue au plus tard le 2026-11-23 09:00 UTC."), Mails.text(target));
        // A later target (the priority changed, say) is not mailed again: the promise was kept.
        String later = targetsSet(promised, "2026-11-22T09:00:00Z");
        await().atMost(TIMEOUT).until(() -> processed(later));
        awaitDeliveries(promised, 2);

        TestCase known = TestCase.of("en", null);
        String first = targetsSet(known, "2026-11-21T14:00:00Z");
        await().atMost(TIMEOUT).until(() -> processed(first));
        EventTap.send(CaseEvents.TOPIC, known.caseId().toString(),
                CaseEvents.caseOpened(id(), known.caseId(), known.number(), known.contact(), "en"));
        awaitDeliveries(known, 1);
        String receipt = Mails.text(SmtpServer.messagesTo(known.contact()).getFirst());
        assertTrue(receipt.contains("First response due by 2026-11-21 14:00 UTC."), receipt);
        assertFalse(receipt.contains("separate message"), receipt);
    }

    @Test
    void targetArrivingBeforeTheReceiptWasSentStillFollowsIt() throws Exception {
        // The receipt is recorded with its event and sent after the commit; here it cannot be sent before the target.
        TestCase c = TestCase.of("en", null);
        SmtpServer.takeDown();
        try {
            EventTap.send(CaseEvents.TOPIC, c.caseId().toString(),
                    CaseEvents.caseOpened(id(), c.caseId(), c.number(), c.contact(), "en"));
            await().atMost(TIMEOUT).until(() -> DeliveryFailureTest.deliveries(c.caseId())
                    .extract().<List<String>>path("items.kind").contains("CASE_OPENED"));
            String target = targetsSet(c, "2026-11-23T09:00:00Z");
            await().atMost(TIMEOUT).until(() -> processed(target));
            DeliveryFailureTest.deliveries(c.caseId()).body("items.size()", org.hamcrest.Matchers.equalTo(2));
        } finally {
            SmtpServer.startAgain();
        }
        awaitDeliveries(c, 2);
        List<MimeMessage> mails = SmtpServer.messagesTo(c.contact());
        assertTrue(Mails.text(mails.get(0)).contains("will follow in a separate message"), Mails.text(mails.get(0)));
        assertTrue(Mails.text(mails.get(1)).contains("2026-11-23 09:00 UTC"), Mails.text(mails.get(1)));
    }

    /** Publishes sla-service's targets-set with a running first-response target; returns its event id. */
    static String targetsSet(TestCase c, String dueAt) {
        String eventId = id();
        EventTap.send(Events.SLA_TOPIC, c.caseId().toString(), Events.event("io.casework.sla.targets-set", eventId,
                "/casework/sla-service", c.caseId().toString(), map("caseId", c.caseId().toString(), "organization", "acme",
                        "priority", "P2", "plan", "standard", "planVersion", 1, "reason", "OPENED",
                        "setAt", "2026-11-21T10:00:00Z", "targets", List.of(map("metric", "FIRST_RESPONSE", "cycle", 0,
                                "state", "RUNNING", "calendar", "emea", "target", "PT4H", "dueAt", dueAt,
                                "warnAt", "2026-11-21T13:00:00Z")))));
        return eventId;
    }

    static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId)) == 1;
    }

    static List<String> links(String body) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(body);
        while (matcher.find()) {
            links.add(matcher.group().replace("&amp;", "&"));
        }
        return links;
    }

    /** The survey link as case-service verifies it: signed for this case and recipient, valid 30 days. */
    static void assertSurveyLinkFor(TestCase c, String recipient, String link) throws Exception {
        Matcher survey = Pattern.compile("https://casework\\.test/api/v1/cases/" + c.caseId()
                + "/survey/signed\\?token=(\\d+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)").matcher(link);
        assertTrue(survey.matches(), link);
        long expiry = Long.parseLong(survey.group(1));
        assertTrue(expiry > Instant.now().plus(Duration.ofDays(29)).getEpochSecond(), "valid for 30 days");
        String named = new String(Base64.getUrlDecoder().decode(survey.group(2)), StandardCharsets.UTF_8);
        assertEquals(recipient.toLowerCase(Locale.ROOT), named);
        assertEquals(hmac("test-link-secret", "survey\n" + c.caseId() + "\n" + named + "\n" + expiry), survey.group(3));
    }

    /** The example of docs/notifications.md; case-service's SurveyLinkResourceTest verifies the same token. */
    @Test
    void surveyTokenOfTheDocumentedExample() {
        assertEquals("1798761600.YWxpY2VAYWNtZS5leGFtcGxl.3th0cjjvjs02AVvI19NaIdSSX1dI6RggVU6ygwspBpI",
                links.surveyToken(UUID.fromString("0b5c6f0e-3f7e-4c55-9d1f-6a0c2d9b7e11"), "Alice@Acme.example", 1798761600L));
    }
}
