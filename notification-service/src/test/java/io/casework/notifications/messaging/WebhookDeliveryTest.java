package io.casework.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.OrgEvents;
import io.casework.notifications.WebhookReceiver;
import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookDelivery;
import io.casework.notifications.domain.WebhookSignature;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class WebhookDeliveryTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");

    @Test
    void clientsCaseEventReachesThePartnerSignedAndExactlyOnceAfterAFailedAttemptAndARedelivery() throws Exception {
        String partner = "partner-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        organization(OrgEvents.created(Events.id(), client, partner, true, now.minus(1, ChronoUnit.HOURS)), client);
        try (WebhookReceiver receiver = WebhookReceiver.start().failing(1)) {
            String webhookId = register(partner, receiver, null);
            TestCase supportCase = TestCase.of("en", null);
            String eventId = Events.id();
            String opened = opened(eventId, supportCase, client, now);

            EventTap.send(CaseEvents.TOPIC, supportCase.caseId().toString(), opened);
            EventTap.send(CaseEvents.TOPIC, supportCase.caseId().toString(), opened);
            // Same key, so read after both copies: once it is processed, so is the redelivered copy.
            String later = Events.id();
            sendCase(supportCase, comment(later, supportCase, client, "INTERNAL"));

            await().atMost(TIMEOUT).until(() -> !receiver.accepted(eventId).isEmpty());
            await().atMost(TIMEOUT).until(() -> processed(later));
            assertEquals(2, receiver.attempts(eventId).size(), "the failed attempt and its retry, nothing for the redelivery");
            assertEquals(1, receiver.accepted(eventId).size());
            WebhookReceiver.Received delivered = receiver.accepted(eventId).getFirst();
            assertEquals(opened, delivered.body(), "the CloudEvent as case-service published it");
            // exactly the CloudEvents JavaScript SDK's own default: its HTTP.toEvent (10.0.0) looks the header up as a
            // whole and refused "charset=UTF-8" ("invalid content type")
            assertEquals("application/cloudevents+json; charset=utf-8", delivered.contentType());
            assertTrue(delivered.signature().startsWith("v1,"), delivered.signature());
            JsonNode event = EventContract.assertConforms(delivered.body());
            assertEquals(supportCase.caseId().toString(), event.path("data").path("caseId").asText());
            assertEquals(0, receiver.refused());

            given().auth().oauth2(partnerToken(partner)).get("/api/v1/notifications/webhooks/{id}/deliveries", webhookId)
                    .then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].eventId", equalTo(eventId))
                    .body("items[0].eventType", equalTo("io.casework.case.opened"))
                    .body("items[0].caseId", equalTo(supportCase.caseId().toString()))
                    .body("items[0].status", equalTo("SUCCEEDED"))
                    .body("items[0].attempts", equalTo(2))
                    .body("items[0].lastStatusCode", equalTo(204))
                    .body("items[0].lastError", nullValue())
                    .body("items[0].nextAttemptAt", nullValue())
                    .body("nextCursor", nullValue());
            given().auth().oauth2(OLGA).get("/api/v1/notifications/webhooks/{id}/deliveries", webhookId)
                    .then().statusCode(200).body("items.size()", equalTo(1));

            // The same request with a changed body, or signed with another secret, does not verify.
            String tampered = delivered.body().replace("Mail delivery delayed", "Mail delivery fine");
            assertEquals(401, receiver.post(delivered.id(), delivered.timestamp(), delivered.signature(), tampered));
            String otherSecret = WebhookSignature.newSecret();
            long timestamp = Long.parseLong(delivered.timestamp());
            assertEquals(401, receiver.post(delivered.id(), delivered.timestamp(),
                    WebhookSignature.sign(otherSecret, delivered.id(), timestamp, delivered.body()), delivered.body()));
            assertEquals(2, receiver.refused());
            assertEquals(1, receiver.accepted(eventId).size());
        }
    }

    @Test
    void partnerGetsOnlyTheCaseEventsThatCaseServiceWouldShowIt() throws Exception {
        String first = "partner-" + UUID.randomUUID();
        String second = "partner-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        organization(OrgEvents.created(Events.id(), client, first, false, t0), client);
        try (WebhookReceiver firstReceiver = WebhookReceiver.start(); WebhookReceiver secondReceiver = WebhookReceiver.start()) {
            register(first, firstReceiver, null);
            register(second, secondReceiver, List.of("io.casework.case.opened", "io.casework.case.comment-added"));
            TestCase before = TestCase.of("en", "sam@casework.example");

            // The client does not grant its reseller access yet.
            String openedWithoutAccess = Events.id();
            sendCase(before, opened(openedWithoutAccess, before, client, t0.plus(1, ChronoUnit.MINUTES)));
            await().atMost(TIMEOUT).until(() -> processed(openedWithoutAccess));

            organization(OrgEvents.resellerAccessChanged(Events.id(), client, first, true, t0.plus(2, ChronoUnit.MINUTES)), client);
            String publicComment = Events.id();
            String internalNote = Events.id();
            sendCase(before, comment(internalNote, before, client, "INTERNAL"));
            sendCase(before, comment(publicComment, before, client, "PUBLIC"));
            await().atMost(TIMEOUT).until(() -> firstReceiver.accepted(publicComment).size() == 1);
            await().atMost(TIMEOUT).until(() -> processed(internalNote));

            // Transferred to the second partner, which is then granted access: it sees only cases filed since.
            organization(OrgEvents.resellerChanged(Events.id(), client, first, second, t0.plus(3, ChronoUnit.MINUTES)), client);
            organization(OrgEvents.resellerAccessChanged(Events.id(), client, second, true, t0.plus(4, ChronoUnit.MINUTES)), client);
            String oldCaseComment = Events.id();
            sendCase(before, comment(oldCaseComment, before, client, "PUBLIC"));
            TestCase after = TestCase.of("en", "sam@casework.example");
            String newCase = Events.id();
            String newCaseStateChange = Events.id();
            sendCase(after, opened(newCase, after, client, t0.plus(5, ChronoUnit.MINUTES)));
            sendCase(after, Events.caseEvent("io.casework.case.state-changed", newCaseStateChange, after, "IN_PROGRESS",
                    Map.of("organization", client, "from", "NEW", "to", "IN_PROGRESS", "changedBy", "sam@casework.example",
                            "changedAt", Instant.now().toString())));
            await().atMost(TIMEOUT).until(() -> secondReceiver.accepted(newCase).size() == 1);
            await().atMost(TIMEOUT).until(() -> processed(oldCaseComment) && processed(newCaseStateChange));

            assertEquals(List.of(publicComment), firstReceiver.all().stream().map(WebhookReceiver.Received::id).toList(),
                    "neither before access was granted, nor internal notes, nor after the transfer");
            assertEquals(List.of(newCase), secondReceiver.all().stream().map(WebhookReceiver.Received::id).toList(),
                    "not the case filed before it took over, nor event types it did not choose");
            for (String skipped : List.of(openedWithoutAccess, internalNote, oldCaseComment, newCaseStateChange)) {
                assertEquals(0, QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("eventId", skipped)), skipped);
            }
        }
    }

    @Test
    void partnerWhoseClientWasOnlyAnnouncedGetsItsCaseEvents() {
        String partner = "partner-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // A demo or migrated organization: no created event ever, only case-service's announcement.
        organization(OrgEvents.announced(Events.id(), client, partner, true, now.minus(30, ChronoUnit.DAYS), now), client);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            register(partner, receiver, List.of("io.casework.case.opened"));
            TestCase supportCase = TestCase.of("en", null);
            String eventId = Events.id();

            sendCase(supportCase, opened(eventId, supportCase, client, now.plusSeconds(1)));

            await().atMost(TIMEOUT).until(() -> receiver.accepted(eventId).size() == 1);
            assertTrue(verifies(receiver.secret(), receiver.accepted(eventId).getFirst()));
        }
    }

    @Test
    void deliveryThatKeepsFailingIsDeadAfterTheLastAttempt() {
        String partner = "partner-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        organization(OrgEvents.created(Events.id(), client, partner, true, now.minus(1, ChronoUnit.DAYS)), client);
        try (WebhookReceiver receiver = WebhookReceiver.start().failing(Integer.MAX_VALUE)) {
            String webhookId = register(partner, receiver, null);
            TestCase supportCase = TestCase.of("en", null);
            String eventId = Events.id();

            sendCase(supportCase, opened(eventId, supportCase, client, now));

            await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(partnerToken(partner))
                    .get("/api/v1/notifications/webhooks/{id}/deliveries", webhookId)
                    .then().statusCode(200)
                    .body("items[0].eventId", equalTo(eventId))
                    .body("items[0].status", equalTo("DEAD"))
                    .body("items[0].attempts", equalTo(3))
                    .body("items[0].lastStatusCode", equalTo(500))
                    .body("items[0].lastError", equalTo("HTTP 500"))
                    .body("items[0].deliveredAt", nullValue()));
            assertEquals(3, receiver.attempts(eventId).size(), "max-attempts in %test");
        }
    }

    @Test
    void testEventIsSignedConformsToItsContractAndIsLogged() {
        String partner = "partner-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhookId = register(partner, receiver, List.of("io.casework.case.opened"));

            String eventId = given().auth().oauth2(partnerToken(partner))
                    .post("/api/v1/notifications/webhooks/{id}/test", webhookId)
                    .then().statusCode(202)
                    .body("webhookId", equalTo(webhookId))
                    .body("eventType", equalTo("io.casework.notification.webhook-test"))
                    .body("caseId", nullValue())
                    .extract().path("eventId");

            await().atMost(TIMEOUT).until(() -> receiver.accepted(eventId).size() == 1);
            JsonNode event = EventContract.assertConforms(receiver.accepted(eventId).getFirst().body());
            assertEquals("io.casework.notification.webhook-test", event.path("type").asText());
            assertEquals("/casework/notification-service", event.path("source").asText());
            assertEquals(webhookId, event.path("subject").asText());
            assertEquals(partner, event.path("data").path("organization").asText());
            assertEquals("rita@" + partner + ".example", event.path("data").path("requestedBy").asText());
            await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(partnerToken(partner))
                    .get("/api/v1/notifications/webhooks/{id}/deliveries", webhookId)
                    .then().statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("SUCCEEDED"))
                    .body("items[0].attempts", equalTo(1)));
        }
    }

    @Test
    void afterARotationDeliveriesCarryBothSignaturesUntilTheOverlapEndsAndTheOfficialLibraryVerifiesEach() {
        String partner = "partner-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhookId = register(partner, receiver, null);
            String oldSecret = receiver.secret();
            String newSecret = given().auth().oauth2(partnerToken(partner))
                    .post("/api/v1/notifications/webhooks/{id}/rotate-secret", webhookId)
                    .then().statusCode(200).extract().path("secret");
            receiver.secret(newSecret); // the partner deploys the new secret

            WebhookReceiver.Received overlapping = deliverTest(partner, webhookId, receiver);
            assertEquals(2, overlapping.signature().split(" ").length, overlapping.signature());
            assertTrue(verifies(oldSecret, overlapping), "a receiver still on the old secret accepts it");
            assertTrue(verifies(newSecret, overlapping), "a receiver on the new secret accepts it");

            // The overlap is over.
            QuarkusTransaction.requiringNew().run(() -> Webhook.update("previousSecretExpiresAt = ?1 where id = ?2",
                    Instant.now().minusSeconds(1), UUID.fromString(webhookId)));
            WebhookReceiver.Received after = deliverTest(partner, webhookId, receiver);
            assertEquals(1, after.signature().split(" ").length, after.signature());
            assertTrue(verifies(newSecret, after));
            assertFalse(verifies(oldSecret, after), "the old secret no longer signs");
        }
    }

    @Test
    void webhookWhoseSecretWasIssuedAsBase64urlKeepsWorkingAndTheDocumentedConversionSatisfiesTheOfficialLibrary() {
        String partner = "partner-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhookId = register(partner, receiver, null);
            // As issued before 2026-12: base64url without padding, here with both characters standard base64 lacks.
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            key[0] = (byte) 0xfb; // "-" in base64url, "+" in base64
            key[3] = (byte) 0xff; // "_" in base64url, "/" in base64
            String legacy = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            assertTrue(legacy.contains("-") && legacy.contains("_"), legacy);
            QuarkusTransaction.requiringNew().run(() -> Webhook.update("secret = ?1 where id = ?2", legacy, UUID.fromString(webhookId)));
            assertThrows(RuntimeException.class, () -> new com.standardwebhooks.Webhook(legacy),
                    "the official library does not take base64url: hence the conversion in docs/notifications.md");
            receiver.secret(legacy);

            WebhookReceiver.Received delivered = deliverTest(partner, webhookId, receiver);
            assertTrue(verifies(legacy, delivered));
            assertEquals(0, receiver.refused());
        }
    }

    /** Sends a test event to the webhook and answers the request the receiver accepted. */
    static WebhookReceiver.Received deliverTest(String partner, String webhookId, WebhookReceiver receiver) {
        String eventId = given().auth().oauth2(partnerToken(partner))
                .post("/api/v1/notifications/webhooks/{id}/test", webhookId)
                .then().statusCode(202).extract().path("eventId");
        await().atMost(TIMEOUT).until(() -> receiver.accepted(eventId).size() == 1);
        return receiver.accepted(eventId).getFirst();
    }

    /** Whether the official Standard Webhooks library, given only {@code secret}, verifies the delivery. */
    static boolean verifies(String secret, WebhookReceiver.Received delivered) {
        return WebhookReceiver.verify(secret, delivered.id(), delivered.timestamp(), delivered.body(), delivered.signature());
    }

    static String partnerToken(String partner) {
        return Tokens.of("rita@" + partner + ".example", partner, "partner");
    }

    /** Registers a webhook of {@code partner} pointing to {@code receiver}, which learns the secret. */
    static String register(String partner, WebhookReceiver receiver, List<String> eventTypes) {
        Map<String, Object> body = Events.map("url", receiver.url(), "description", "test receiver");
        if (eventTypes != null) {
            body.put("eventTypes", eventTypes);
        }
        var created = given().auth().oauth2(partnerToken(partner)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(201).extract();
        receiver.secret(created.path("secret"));
        return created.path("id");
    }

    /** Publishes an org event and waits until the service applied it. */
    static void organization(String event, String organizationId) {
        EventTap.send(OrgEvents.TOPIC, organizationId, event);
        await().atMost(TIMEOUT).until(() -> processed(Events.idOf(event)));
    }

    static void sendCase(TestCase supportCase, String event) {
        EventTap.send(CaseEvents.TOPIC, supportCase.caseId().toString(), event);
    }

    static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId)) == 1;
    }

    static String opened(String eventId, TestCase supportCase, String organization, Instant createdAt) {
        Map<String, Object> data = supportCase.summary("NEW");
        data.put("organization", organization);
        data.put("creator", supportCase.contact());
        data.put("relatedCaseIds", List.of());
        data.put("createdAt", createdAt.toString());
        return Events.event("io.casework.case.opened", eventId, "/casework/case-service", supportCase.caseId().toString(), data);
    }

    static String comment(String eventId, TestCase supportCase, String organization, String visibility) {
        return Events.caseEvent("io.casework.case.comment-added", eventId, supportCase, "IN_PROGRESS", Map.of(
                "organization", organization, "commentId", UUID.randomUUID().toString(), "author", "sam@casework.example",
                "authorKind", "STAFF", "visibility", visibility, "body", "Please send the logs.", "firstResponse", false,
                "createdAt", Instant.now().toString()));
    }
}
