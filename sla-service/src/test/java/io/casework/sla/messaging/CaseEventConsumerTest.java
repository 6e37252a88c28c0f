package io.casework.sla.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.messaging.outbox.OutboxEvent;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseEventConsumerTest {

    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String CASE_EVENTS = "casework.case-events";

    /** A case.opened CloudEvent as case-service publishes it (checked against the contract, so the test input is real). */
    static String caseOpened(String eventId, String caseId, String organization, String priority, String createdAt) {
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service",
                 "type": "io.casework.case.opened", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "number": "C-2026-000042", "organization": "%s", "product": "Cloud Mail",
                          "subject": "Mail delivery delayed", "priority": "%s", "state": "NEW",
                          "creator": "someone@%s.example", "contactEmail": "someone@%s.example", "ccEmails": [],
                          "language": "en", "channel": "PORTAL", "escalated": false, "relatedCaseIds": [],
                          "createdAt": "%s"}}
                """.formatted(eventId, caseId, createdAt, caseId, organization, priority, organization, organization,
                createdAt);
        EventContract.assertConforms(event);
        return event;
    }

    @Test
    void aTestCaseGetsItsClockLikeAnyOtherAndItsEventsSaySo() {
        String caseId = UUID.randomUUID().toString();
        String event = caseOpened(UUID.randomUUID().toString(), caseId, "acme", "P1", "2026-11-20T09:15:00Z")
                .replace("\"createdAt\"", "\"testCase\": true, \"createdAt\"");
        EventContract.assertConforms(event);

        EventTap.send(CASE_EVENTS, caseId, event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SAM)
                .get("/api/v1/sla/cases/" + caseId).then().statusCode(200).body("targets", hasSize(1))
                .body("targets[0].metric", equalTo("FIRST_RESPONSE")));
        assertEquals(true, QuarkusTransaction.requiringNew().call(
                () -> io.casework.sla.domain.CaseSla.<io.casework.sla.domain.CaseSla>findById(UUID.fromString(caseId)).testCase));
    }

    @Test
    void caseOpenedTwiceStartsOneClockOnThePremierPlanOfAcme() {
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String event = caseOpened(eventId, caseId, "acme", "P1", "2026-11-20T09:15:00Z");

        EventTap.send(CASE_EVENTS, caseId, event);
        EventTap.send(CASE_EVENTS, caseId, event);
        // Same key, same partition, consumed in order: once the next case's clock shows, the duplicate was handled.
        String nextCaseId = UUID.randomUUID().toString();
        EventTap.send(CASE_EVENTS, caseId, caseOpened(UUID.randomUUID().toString(), nextCaseId, "acme", "P4",
                "2026-11-20T09:20:00Z"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SAM)
                .get("/api/v1/sla/cases/" + nextCaseId).then().statusCode(200).body("targets", hasSize(1)));

        given().auth().oauth2(SAM).get("/api/v1/sla/cases/" + caseId).then().statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("organization", equalTo("acme"))
                .body("priority", equalTo("P1"))
                .body("severity", equalTo("CRITICAL"))
                .body("plan", equalTo("premier"))
                .body("targets", hasSize(1))
                .body("targets[0].metric", equalTo("FIRST_RESPONSE"))
                .body("targets[0].clock", equalTo("ALWAYS"))
                .body("targets[0].calendar", equalTo("24x7"))
                .body("targets[0].target", equalTo("PT1H"))
                .body("targets[0].startedAt", equalTo("2026-11-20T09:15:00Z"))
                .body("targets[0].dueAt", equalTo("2026-11-20T10:15:00Z"));
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId)));
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "aggregateId = ?1 and type = ?2", caseId, "io.casework.sla.clock-started")));

        ConsumerRecord<String, String> record = EventTap.await("casework.sla-events", r -> caseId.equals(r.key()),
                Duration.ofSeconds(20));
        JsonNode published = EventContract.assertConforms(record.value());
        assertEquals("io.casework.sla.clock-started", published.path("type").asText());
        assertEquals("/casework/sla-service", published.path("source").asText());
        assertEquals(caseId, published.path("subject").asText());
        JsonNode data = published.path("data");
        assertEquals(caseId, data.path("caseId").asText());
        assertEquals("FIRST_RESPONSE", data.path("metric").asText());
        assertEquals("P1", data.path("priority").asText());
        assertEquals("2026-11-20T09:15:00Z", data.path("startedAt").asText());
        assertEquals("2026-11-20T10:15:00Z", data.path("targetAt").asText());
        assertEquals("premier", data.path("plan").asText());
        assertEquals("acme", data.path("organization").asText());
    }

    @Test
    void organizationWithoutAPlanOfItsOwnIsTimedOnTheDefaultStandardPlanInAmericasBusinessHours() {
        String caseId = UUID.randomUUID().toString();
        // Friday 17:00 EST: 30 minutes of the 8 business hours that day, the other 7h30 from Monday 08:00 EST.
        EventTap.send(CASE_EVENTS, caseId, caseOpened(UUID.randomUUID().toString(), caseId, "globex", "P2",
                "2026-11-20T22:00:00Z"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(OLGA)
                .get("/api/v1/sla/cases/" + caseId).then().statusCode(200)
                .body("plan", equalTo("standard"))
                .body("priority", equalTo("P2"))
                .body("targets[0].clock", equalTo("BUSINESS_HOURS"))
                .body("targets[0].calendar", equalTo("americas"))
                .body("targets[0].dueAt", equalTo("2026-11-23T20:30:00Z")));

        List<ConsumerRecord<String, String>> records = EventTap.awaitAll("casework.sla-events",
                r -> caseId.equals(r.key()), 2, Duration.ofSeconds(20));
        JsonNode started = EventContract.assertConforms(records.get(0).value());
        assertEquals("io.casework.sla.clock-started", started.path("type").asText());
        assertEquals("2026-11-23T20:30:00Z", started.path("data").path("targetAt").asText());
        assertEquals("standard", started.path("data").path("plan").asText());
        JsonNode set = EventContract.assertConforms(records.get(1).value());
        assertEquals("io.casework.sla.targets-set", set.path("type").asText());
        assertEquals("OPENED", set.path("data").path("reason").asText());
        assertEquals("2026-11-23T20:30:00Z", set.path("data").path("targets").path(0).path("dueAt").asText());
        assertEquals(2, set.path("data").path("planVersion").asLong());
    }

    @Test
    void malformedEventGoesToTheDeadLetterTopicAndLaterEventsStillApply() {
        String caseId = UUID.randomUUID().toString();
        String unknownPriority = caseOpened(UUID.randomUUID().toString(), caseId, "acme", "P1", "2026-11-20T09:15:00Z")
                .replace("\"priority\": \"P1\"", "\"priority\": \"P9\"");
        EventTap.send(CASE_EVENTS, caseId, unknownPriority);
        String nextCaseId = UUID.randomUUID().toString();
        EventTap.send(CASE_EVENTS, caseId, caseOpened(UUID.randomUUID().toString(), nextCaseId, "acme", "P2",
                "2026-11-20T09:20:00Z"));

        ConsumerRecord<String, String> dead = EventTap.await("casework.sla-service.dlq", r -> caseId.equals(r.key()),
                Duration.ofSeconds(20));
        assertEquals(unknownPriority, dead.value());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SAM)
                .get("/api/v1/sla/cases/" + nextCaseId).then().statusCode(200).body("targets", hasSize(1)));
        given().auth().oauth2(SAM).get("/api/v1/sla/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void caseUnknownToSlaServiceIsNotFound() {
        given().auth().oauth2(SAM).get("/api/v1/sla/cases/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void partnersCannotReadCaseSla() {
        given().auth().oauth2(Tokens.of("rita@resellco.example", "resellco", "partner"))
                .get("/api/v1/sla/cases/" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void readingCaseSlaWithoutTokenIsUnauthorized() {
        given().get("/api/v1/sla/cases/" + UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
    }
}
