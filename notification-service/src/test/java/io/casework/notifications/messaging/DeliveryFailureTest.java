package io.casework.notifications.messaging;

import static io.casework.notifications.Events.caseEvent;
import static io.casework.notifications.Events.id;
import static io.casework.notifications.Events.map;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.notifications.Events;
import io.casework.notifications.Events.TestCase;
import io.casework.notifications.SmtpServer;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** What happens when mail cannot be delivered: refused addresses, SMTP outages, and giving up. */
@QuarkusTest
public class DeliveryFailureTest {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");

    @Test
    void permanentlyRefusedRecipientIsRejectedForGoodWhileTheOthersGetTheirMail() {
        String bouncing = "bounce-" + UUID.randomUUID() + "@acme.example";
        TestCase c = TestCase.of("en", null, bouncing);

        EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), CaseEvents.caseOpened(id(), c.caseId(), c.number(),
                c.contact(), List.of(bouncing), "en"));

        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(c.caseId())
                .body("items.size()", equalTo(2))
                .body("items.find { it.recipient == '" + c.contact() + "' }.status", equalTo("SENT"))
                .body("items.find { it.recipient == '" + bouncing + "' }.status", equalTo("REJECTED"))
                .body("items.find { it.recipient == '" + bouncing + "' }.attempts", equalTo(1))
                .body("items.find { it.recipient == '" + bouncing + "' }.lastError", containsString("550")));
        assertEquals(1, SmtpServer.messagesTo(c.contact()).size());
        assertEquals(0, SmtpServer.messagesTo(bouncing).size());
    }

    @Test
    void mailsOfEveryKindWaitingOutAnSmtpOutageAreEachDeliveredExactlyOnceAfterRecovery() {
        String cc = "lee-" + UUID.randomUUID() + "@acme.example";
        String assignee = "agent-" + UUID.randomUUID() + "@casework.example";
        TestCase opened = TestCase.of("fr", null, cc);
        TestCase commented = TestCase.of("nl", assignee);
        UUID slaCase = UUID.randomUUID();
        UUID incidentId = UUID.randomUUID();
        String subscriber = "dana-" + UUID.randomUUID() + "@acme.example";
        KnownIssueMailTest.subscribe(incidentId, "KI-2026-0777", subscriber);
        await().atMost(TIMEOUT).until(() -> KnownIssueMailTest.activeSubscribers(incidentId) == 1);

        SmtpServer.takeDown();
        try {
            EventTap.send(CaseEvents.TOPIC, opened.caseId().toString(), CaseEvents.caseOpened(id(), opened.caseId(),
                    opened.number(), opened.contact(), List.of(cc), "fr"));
            String comment = caseEvent("io.casework.case.comment-added", id(), commented, "IN_PROGRESS",
                    CaseMailTest.comment("sam@casework.example", "PUBLIC", "STAFF", "Please try again."));
            EventTap.send(CaseEvents.TOPIC, commented.caseId().toString(), comment);
            EventTap.send(CaseEvents.TOPIC, commented.caseId().toString(), comment); // redelivered
            EventTap.send(Events.SLA_TOPIC, slaCase.toString(), SlaMailTest.sla("io.casework.sla.breached", id(), slaCase, "PT0S"));
            EventTap.send(Events.STATUS_TOPIC, incidentId.toString(),
                    KnownIssueMailTest.update(incidentId, "KI-2026-0777", "MONITORING", 2, "A fix is rolling out."));

            await().atMost(TIMEOUT).untilAsserted(() -> deliveries(opened.caseId())
                    .body("items.size()", equalTo(2)).body("items.status", everyItem(equalTo("FAILED"))));
            await().atMost(TIMEOUT).untilAsserted(() -> deliveries(slaCase).body("items.status", hasItem("FAILED")));
        } finally {
            SmtpServer.startAgain();
        }

        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(opened.caseId())
                .body("items.size()", equalTo(2))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.attempts", everyItem(greaterThanOrEqualTo(2))));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(commented.caseId())
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("SENT")));
        await().atMost(TIMEOUT).untilAsserted(() -> deliveries(slaCase)
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("SENT")));
        await().atMost(TIMEOUT).until(() -> SmtpServer.messagesTo(subscriber).size() == 1);
        assertEquals(1, SmtpServer.messagesTo(opened.contact()).size());
        assertEquals(1, SmtpServer.messagesTo(cc).size());
        assertEquals(1, SmtpServer.messagesTo(commented.contact()).size());
        assertEquals(1, SmtpServer.messagesTo(subscriber).size());
        assertEquals(1, SmtpServer.messagesTo("ops@casework.example").stream()
                .filter(m -> CaseMailTest.subject(m).contains(slaCase.toString())).count());
    }

    @Test
    void mailThatFailsEveryRetryBecomesADeadLetterThatOpsRetryOnce() {
        TestCase c = TestCase.of("en", null);
        SmtpServer.takeDown();
        String deliveryId;
        try {
            EventTap.send(CaseEvents.TOPIC, c.caseId().toString(), CaseEvents.caseOpened(id(), c.caseId(), c.number(),
                    c.contact(), "en"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> deliveries(c.caseId())
                    .body("items.size()", equalTo(1)).body("items[0].status", equalTo("DEAD")));
            deliveryId = given().auth().oauth2(OLGA).get("/api/v1/notifications/dead-letters")
                    .then().statusCode(200)
                    .body("id", hasItem(deliveries(c.caseId()).extract().<String>path("items[0].id")))
                    .extract().path("find { it.caseId == '" + c.caseId() + "' }.id");
            given().auth().oauth2(OLGA).post("/api/v1/notifications/deliveries/" + deliveryId + "/retry")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("ConnectException: Connection refused"));
            deliveries(c.caseId()).body("items[0].status", equalTo("DEAD"));
        } finally {
            SmtpServer.startAgain();
        }

        given().auth().oauth2(SAM).post("/api/v1/notifications/deliveries/" + deliveryId + "/retry")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OLGA).post("/api/v1/notifications/deliveries/" + deliveryId + "/retry")
                .then().log().ifValidationFails() // a 503 names the SMTP error in its detail
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("recipient", equalTo(c.contact()));
        given().auth().oauth2(OLGA).post("/api/v1/notifications/deliveries/" + deliveryId + "/retry")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, SmtpServer.messagesTo(c.contact()).size());
        given().auth().oauth2(OLGA).get("/api/v1/notifications/dead-letters")
                .then().statusCode(200).body("find { it.id == '" + deliveryId + "' }", equalTo(null));
    }

    @Test
    void onlyOpsAndAdminsSeeDeadLettersAndUnknownDeliveriesCannotBeRetried() {
        given().auth().oauth2(SAM).get("/api/v1/notifications/dead-letters")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/notifications/dead-letters")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("root@casework.example", "casework", "admin"))
                .get("/api/v1/notifications/dead-letters").then().statusCode(200);
        given().auth().oauth2(OLGA).post("/api/v1/notifications/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    public static io.restassured.response.ValidatableResponse deliveries(UUID caseId) {
        return given().auth().oauth2(SAM).queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200);
    }
}
