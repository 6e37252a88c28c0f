package io.casework.sla.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.sla.domain.OrganizationPlan;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** SLA clocks follow a case through its life, from case events on Kafka to SLA events on Kafka. */
@QuarkusTest
class CaseLifecycleTest {

    static final String ADMIN = Tokens.of("ada@casework.example", "casework", "admin");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String SLA_EVENTS = "casework.sla-events";

    /** All targets 24/7 so that the test controls time; P1 is seconds long so that it warns and breaches live. */
    static final String SWIFT = """
            {"name": "Swift", "escalationAllowed": true, "aroundTheClockCritical": true, "calendar": "americas",
             "chatSupport": true, "phoneSupport": true,
             "targets": [
               {"priority": "P1", "firstResponse": "PT4S", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
               {"priority": "P2", "firstResponse": "PT1H", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
               {"priority": "P3", "firstResponse": "PT2H", "periodicUpdate": "PT1H", "clock": "ALWAYS"},
               {"priority": "P4", "firstResponse": "P1D", "periodicUpdate": "PT1H", "clock": "ALWAYS"}]}
            """;

    String organization;

    @BeforeEach
    void organizationOnTheSwiftPlan() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        organization = "swift-" + suffix;
        String plan = "swift-" + suffix;
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(SWIFT).put("/api/v1/sla/plans/" + plan)
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            OrganizationPlan mapping = new OrganizationPlan();
            mapping.organization = organization;
            mapping.planId = plan;
            mapping.persist();
        });
    }

    @Test
    void clocksFollowACaseFromOpeningThroughPauseResumePriorityChangeAndFirstResponseToClose() {
        String caseId = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        send(caseId, CaseEvents.opened(caseId, organization, "P2", t0));
        // 10 minutes counted, then waiting on the customer for 10 minutes.
        send(caseId, CaseEvents.stateChanged(caseId, organization, "P2", "NEW", "ACTION_REQUIRED", t0.plus(m(10))));
        send(caseId, CaseEvents.stateChanged(caseId, organization, "P2", "ACTION_REQUIRED", "IN_PROGRESS", t0.plus(m(20))));
        // P2 → P3 at 20 minutes spent: the target becomes 2h with those 20 minutes kept.
        send(caseId, CaseEvents.priorityChanged(caseId, organization, "P2", "P3", t0.plus(m(30))));
        // An internal note answers nothing; the first public staff comment answers the first response (30 min spent).
        send(caseId, CaseEvents.commentAdded(caseId, organization, "P3", "STAFF", "INTERNAL", false, t0.plus(m(35))));
        send(caseId, CaseEvents.commentAdded(caseId, organization, "P3", "STAFF", "PUBLIC", true, t0.plus(m(40))));
        send(caseId, CaseEvents.stateChanged(caseId, organization, "P3", "IN_PROGRESS", "CLOSED", t0.plus(m(50))));

        String customer = Tokens.of("pat@" + organization + ".example", organization, "customer");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(customer)
                .get("/api/v1/sla/cases/" + caseId).then().statusCode(200)
                .body("caseState", equalTo("CLOSED"))
                .body("priority", equalTo("P3"))
                .body("targets", hasSize(2))
                .body("targets[0].metric", equalTo("FIRST_RESPONSE"))
                .body("targets[0].state", equalTo("MET"))
                .body("targets[0].target", equalTo("PT2H"))
                .body("targets[0].elapsed", equalTo("PT30M"))
                .body("targets[0].remaining", equalTo("PT1H30M"))
                .body("targets[0].completedAt", equalTo(t0.plus(m(40)).toString()))
                .body("targets[1].metric", equalTo("PERIODIC_UPDATE"))
                .body("targets[1].cycle", equalTo(1))
                .body("targets[1].state", equalTo("STOPPED"))
                .body("targets[1].elapsed", equalTo("PT10M")));
        // Another organization's customer does not learn that the case exists.
        given().auth().oauth2(Tokens.of("carol@globex.example", "globex", "customer")).get("/api/v1/sla/cases/" + caseId)
                .then().statusCode(404).contentType("application/problem+json");

        List<JsonNode> events = EventTap.awaitAll(SLA_EVENTS, r -> caseId.equals(r.key()), 8, Duration.ofSeconds(20))
                .stream().map(ConsumerRecord::value).map(EventContract::assertConforms).toList();
        assertEquals(List.of("io.casework.sla.clock-started", "io.casework.sla.targets-set", "io.casework.sla.paused",
                "io.casework.sla.resumed", "io.casework.sla.targets-set", "io.casework.sla.targets-set",
                "io.casework.sla.met", "io.casework.sla.targets-set"), events.stream().map(e -> e.path("type").asText()).toList());
        JsonNode paused = events.get(2).path("data");
        assertEquals("PT10M", paused.path("elapsed").asText());
        assertEquals("ACTION_REQUIRED", paused.path("reason").asText());
        JsonNode resumed = events.get(3).path("data");
        assertEquals(t0.plus(m(70)).toString(), resumed.path("dueAt").asText());
        JsonNode retargeted = events.get(5).path("data");
        assertEquals("PRIORITY_CHANGED", retargeted.path("reason").asText());
        assertEquals(t0.plus(m(130)).toString(), retargeted.path("targets").path(0).path("dueAt").asText());
        assertEquals("PT30M", events.get(6).path("data").path("elapsed").asText());
        JsonNode nextUpdate = events.get(7).path("data").path("targets").path(0);
        assertEquals("PERIODIC_UPDATE", nextUpdate.path("metric").asText());
        assertEquals(t0.plus(m(100)).toString(), nextUpdate.path("dueAt").asText());
    }

    @Test
    void unansweredTargetWarnsAndBreachesOnceEachOnItsOwn() {
        String caseId = UUID.randomUUID().toString();
        Instant opened = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(caseId, CaseEvents.opened(caseId, organization, "P1", opened));

        ConsumerRecord<String, String> warning = EventTap.await(SLA_EVENTS, r -> caseId.equals(r.key())
                && r.value().contains("\"io.casework.sla.warning\""), Duration.ofSeconds(20));
        JsonNode warned = EventContract.assertConforms(warning.value()).path("data");
        assertEquals(opened.plusSeconds(3).toString(), warned.path("occurredAt").asText());
        ConsumerRecord<String, String> breach = EventTap.await(SLA_EVENTS, r -> caseId.equals(r.key())
                && r.value().contains("\"io.casework.sla.breached\""), Duration.ofSeconds(20));
        JsonNode breached = EventContract.assertConforms(breach.value()).path("data");
        assertEquals(opened.plusSeconds(4).toString(), breached.path("dueAt").asText());
        assertEquals("FIRST_RESPONSE", breached.path("metric").asText());
        // Fired and announced within 2 s of the due time.
        assertTrue(Duration.between(opened.plusSeconds(4), Instant.parse(EventContract.assertConforms(breach.value())
                .path("time").asText())).compareTo(Duration.ofSeconds(2)) < 0);

        // A late answer neither meets the target nor announces the breach again.
        send(caseId, CaseEvents.commentAdded(caseId, organization, "P1", "STAFF", "PUBLIC", true, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SAM)
                .get("/api/v1/sla/cases/" + caseId).then().statusCode(200)
                .body("targets[0].state", equalTo("BREACHED"))
                .body("targets[1].metric", equalTo("PERIODIC_UPDATE")));
        assertEquals(1, count(caseId, "io.casework.sla.breached"));
        assertEquals(1, count(caseId, "io.casework.sla.warning"));
        assertEquals(0, count(caseId, "io.casework.sla.met"));
    }

    @Test
    void aPriorityRaisedPastTheTimeAlreadySpentBreachesAtOnce() {
        String caseId = UUID.randomUUID().toString();
        Instant t0 = Instant.now().minus(m(30)).truncatedTo(ChronoUnit.SECONDS);
        send(caseId, CaseEvents.opened(caseId, organization, "P3", t0));
        send(caseId, CaseEvents.priorityChanged(caseId, organization, "P3", "P1", t0.plus(m(20))));

        ConsumerRecord<String, String> breach = EventTap.await(SLA_EVENTS, r -> caseId.equals(r.key())
                && r.value().contains("\"io.casework.sla.breached\""), Duration.ofSeconds(20));
        JsonNode data = EventContract.assertConforms(breach.value()).path("data");
        assertEquals("P1", data.path("priority").asText());
        assertEquals("PT4S", data.path("target").asText());
        // Due when the priority changed: 20 minutes were already spent on a 4-second target.
        assertEquals(t0.plus(m(20)).toString(), data.path("dueAt").asText());
    }

    private static void send(String caseId, String event) {
        EventTap.send(CaseEvents.TOPIC, caseId, event);
    }

    private static long count(String caseId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId = ?1 and type = ?2", caseId, type));
    }

    private static Duration m(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
