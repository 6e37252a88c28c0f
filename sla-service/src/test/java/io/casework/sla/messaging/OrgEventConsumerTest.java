package io.casework.sla.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.sla.domain.OrganizationPlan;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrgEventConsumerTest {

    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String ORG_EVENTS = "casework.org-events";

    /** An organization event as case-service publishes it (checked against its contract, so the test input is real). */
    static String orgEvent(String eventId, String type, String organization, String planId, String region, Instant at,
            String extra) {
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json",
                 "data": {"organization": {"organizationId": "%s", "name": "Org %s", "domains": ["%s.example"],
                                           "planId": "%s", "priorityScheme": "SEVERITY", "region": "%s",
                                           "contractEnd": null, "contractLapsed": false, "reseller": null,
                                           "resellerAccess": false},
                          "at": "%s", %s}}
                """.formatted(eventId, type, organization, at, organization, organization, organization, planId, region,
                at, extra);
        EventContract.assertConforms(event);
        return event;
    }

    static String created(String eventId, String organization, String planId, String region, Instant at) {
        return orgEvent(eventId, "io.casework.org.created", organization, planId, region, at,
                "\"createdBy\": \"admin@casework.example\"");
    }

    static String planChanged(String eventId, String organization, String planId, String previous, String region,
            Instant at) {
        return orgEvent(eventId, "io.casework.org.plan-changed", organization, planId, region, at,
                "\"previousPlanId\": \"%s\", \"changedBy\": \"admin@casework.example\"".formatted(previous));
    }

    private static OrganizationPlan row(String organization) {
        return QuarkusTransaction.requiringNew().call(() -> OrganizationPlan.<OrganizationPlan>findById(organization));
    }

    @Test
    void organizationCreatedTwiceIsRecordedOnceAndItsCasesRunOnItsPlanInItsRegion() {
        String organization = "org-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = created(eventId, organization, "premier", "emea", Instant.parse("2026-11-02T10:00:00Z"));
        EventTap.send(ORG_EVENTS, organization, event);
        EventTap.send(ORG_EVENTS, organization, event);
        // Same key, same partition, in order: once the marker shows, the duplicate was handled.
        String marker = "org-" + UUID.randomUUID();
        EventTap.send(ORG_EVENTS, organization, created(UUID.randomUUID().toString(), marker, "standard", "apj",
                Instant.parse("2026-11-02T10:00:01Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(marker) != null);

        OrganizationPlan recorded = row(organization);
        assertNotNull(recorded);
        assertEquals("premier", recorded.planId);
        assertEquals("emea", recorded.calendarId);
        assertEquals(eventId, recorded.eventId);
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId)));

        // Premier P3: 8 business hours on the organization's region. Thursday 24 December 2026 16:00 London:
        // 1h that day, Christmas, Boxing Day observed on Monday 28, 7h on Tuesday 29 from 08:00: due 15:00.
        String caseId = UUID.randomUUID().toString();
        EventTap.send(CaseEvents.TOPIC, caseId, CaseEvents.opened(caseId, organization, "P3",
                Instant.parse("2026-12-24T16:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(SAM)
                .get("/api/v1/sla/cases/" + caseId).then().statusCode(200)
                .body("plan", equalTo("premier"))
                .body("targets[0].calendar", equalTo("emea"))
                .body("targets[0].dueAt", equalTo("2026-12-29T15:00:00Z")));
    }

    @Test
    void planChangeMovesTheOrganizationAndAnOlderEventReplayedLaterChangesNothing() {
        String organization = "org-" + UUID.randomUUID();
        Instant created = Instant.parse("2026-11-02T10:00:00Z");
        String createdEvent = created(UUID.randomUUID().toString(), organization, "standard", "americas", created);
        EventTap.send(ORG_EVENTS, organization, createdEvent);
        EventTap.send(ORG_EVENTS, organization, planChanged(UUID.randomUUID().toString(), organization, "premier",
                "standard", "apj", created.plusSeconds(3600)));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OrganizationPlan row = row(organization);
            return row != null && "premier".equals(row.planId);
        });
        assertEquals("apj", row(organization).calendarId);

        // The creation again under another id (say, replayed from the dead-letter topic): older than what is applied.
        String replayId = UUID.randomUUID().toString();
        EventTap.send(ORG_EVENTS, organization, created(replayId, organization, "standard", "americas", created));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedMessage.count("eventId", replayId)) == 1);
        assertEquals("premier", row(organization).planId);
        assertEquals("apj", row(organization).calendarId);
    }

    static String announced(String eventId, String organization, String planId, String region, Instant at) {
        return orgEvent(eventId, "io.casework.org.announced", organization, planId, region, at,
                "\"resellerSince\": null, \"reason\": \"MIGRATION\", \"announcedBy\": \"system\"");
    }

    @Test
    void announcedOrganizationNeverCreatedHereGetsItsPlanAndAnOlderAnnouncementChangesNothing() {
        String organization = "org-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        String eventId = UUID.randomUUID().toString();
        EventTap.send(ORG_EVENTS, organization, announced(eventId, organization, "premier", "israel", at));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(organization) != null);
        assertEquals("premier", row(organization).planId);
        assertEquals("israel", row(organization).calendarId);
        assertEquals(eventId, row(organization).eventId);

        String olderId = UUID.randomUUID().toString();
        EventTap.send(ORG_EVENTS, organization, announced(olderId, organization, "standard", "apj", at.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedMessage.count("eventId", olderId)) == 1);
        assertEquals("premier", row(organization).planId);
        assertEquals(eventId, row(organization).eventId);
    }

    @Test
    void organizationOnAPlanSlaServiceDoesNotKnowGoesToTheDeadLetterTopic() {
        String organization = "org-" + UUID.randomUUID();
        String event = created(UUID.randomUUID().toString(), organization, "platinum", "emea",
                Instant.parse("2026-11-02T10:00:00Z"));
        EventTap.send(ORG_EVENTS, organization, event);

        ConsumerRecord<String, String> dead = EventTap.await("casework.sla-service.dlq",
                r -> organization.equals(r.key()), Duration.ofSeconds(20));
        assertEquals(event, dead.value());
        assertEquals(null, row(organization));
    }
}
