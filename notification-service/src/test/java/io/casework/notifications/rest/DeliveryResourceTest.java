package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.CaseEvents;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeliveryResourceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");

    @Test
    void staffReadTheDeliveryLogOfACasePageByPageWithoutBodies() {
        UUID caseId = UUID.randomUUID();
        String number = CaseEvents.newCaseNumber();
        String first = "pat-" + UUID.randomUUID() + "@acme.example";
        String second = "lee-" + UUID.randomUUID() + "@acme.example";
        EventTap.send(CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, number, first, "en"));
        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(SAM).queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200).body("items.size()", equalTo(1)));
        // A second event about the same case (in real life: another notification) makes a second log entry.
        EventTap.send(CaseEvents.TOPIC, caseId.toString(),
                CaseEvents.caseOpened(UUID.randomUUID().toString(), caseId, number, second, "en"));
        await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(OLGA).queryParam("caseId", caseId.toString())
                .get("/api/v1/notifications/deliveries").then().statusCode(200).body("items.size()", equalTo(2)));

        String cursor = given().auth().oauth2(SAM).queryParam("caseId", caseId.toString()).queryParam("limit", 1)
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].recipient", equalTo(first))
                .body("items[0].caseId", equalTo(caseId.toString()))
                .body("items[0].kind", equalTo("CASE_OPENED"))
                .body("items[0].language", equalTo("en"))
                .body("items[0].subject", equalTo("[" + number + "] Case received: Mail delivery delayed for all users"))
                .body("items[0].status", equalTo("SENT"))
                // Usually 1; 2 when a pooled SMTP connection that an earlier test's server restart left dead times
                // out first. Either way one mail is sent (checked against the SMTP server below).
                .body("items[0].attempts", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1), org.hamcrest.Matchers.lessThanOrEqualTo(2)))
                .body("items[0].sentAt", notNullValue())
                .body("items[0].keySet()", not(hasItem("text")))
                .body("items[0].keySet()", not(hasItem("html")))
                .body("items[0].keySet()", not(hasItem("body")))
                .body("items[0].smtpMessageId", org.hamcrest.Matchers.matchesPattern("<[0-9a-f]{32}\\.casework@casework\\.example>"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String logged = given().auth().oauth2(SAM).queryParam("caseId", caseId.toString()).queryParam("limit", 1)
                .get("/api/v1/notifications/deliveries").then().extract().path("items[0].smtpMessageId");
        try {
            org.junit.jupiter.api.Assertions.assertEquals(1, io.casework.notifications.SmtpServer.messagesTo(first).size(),
                    "exactly one mail, whatever the number of attempts");
            org.junit.jupiter.api.Assertions.assertEquals(logged,
                    io.casework.notifications.SmtpServer.messagesTo(first).getFirst().getMessageID(),
                    "the log names the Message-ID the SMTP server received");
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        given().auth().oauth2(SAM).queryParam("caseId", caseId.toString()).queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].recipient", equalTo(second))
                .body("nextCursor", nullValue());
    }

    @Test
    void caseWithoutMailsHasAnEmptyLog() {
        given().auth().oauth2(SAM).queryParam("caseId", UUID.randomUUID().toString())
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void customerCannotReadTheDeliveryLog() {
        given().auth().oauth2(ALICE).queryParam("caseId", UUID.randomUUID().toString())
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().queryParam("caseId", UUID.randomUUID().toString())
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void caseIdIsRequiredAndLimitIsBounded() {
        given().auth().oauth2(SAM).queryParam("limit", 1000)
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("caseId")))
                .body("violations.field", hasItem(containsString("limit")));
    }

    @Test
    void malformedCaseIdOrCursorIsRejected() {
        given().auth().oauth2(SAM).queryParam("caseId", "C-2026-000123")
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("caseId")));
        given().auth().oauth2(SAM).queryParam("caseId", UUID.randomUUID().toString())
                .queryParam("cursor", UUID.randomUUID().toString())
                .get("/api/v1/notifications/deliveries")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
