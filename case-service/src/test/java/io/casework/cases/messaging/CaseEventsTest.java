package io.casework.cases.messaging;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.etag;
import static io.casework.cases.CaseApi.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseEventsTest {

    @Test
    void everyChangePublishesOneConformingEventInOrder() {
        String id = file(ALICE, "P2");
        as(ALICE).contentType("application/merge-patch+json").header("If-Match", etag(ALICE, id))
                .body("{\"ccEmails\": [\"ops@acme.example\"]}").patch("/api/v1/cases/" + id).then().statusCode(200);
        comment(SAM, id, "Internal only", "INTERNAL").statusCode(201);
        comment(SAM, id, "We are on it", "PUBLIC").statusCode(201);
        as(SAM).header("If-Match", etag(SAM, id)).body("{\"assignee\": \"sam@casework.example\"}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(200);
        as(SAM).header("If-Match", etag(SAM, id)).body("{\"priority\": \"P1\", \"reason\": \"Spreading\"}")
                .put("/api/v1/cases/" + id + "/priority").then().statusCode(200);
        action(BOB, id, "escalate", "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"Sales blocked\"}").statusCode(200);
        action(SAM, id, "de-escalate", "{\"reason\": \"Fix deployed\"}").statusCode(200);
        action(SAM, id, "resolve", "{\"resolutionCode\": \"OUTAGE_RESOLVED\", \"note\": \"Fixed\"}").statusCode(200);
        action(ALICE, id, "survey", "{\"rating\": 5}").statusCode(200);
        action(ALICE, id, "close", "{}").statusCode(200);
        comment(BOB, id, "It came back", "PUBLIC").statusCode(201);

        List<String> expected = List.of("opened", "updated", "comment-added", "state-changed", "comment-added",
                "assigned", "priority-changed", "escalated", "de-escalated", "state-changed", "resolved",
                "survey-answered", "state-changed", "closed", "state-changed", "reopened", "comment-added");
        List<ConsumerRecord<String, String>> records = EventTap.awaitAll("casework.case-events", r -> id.equals(r.key()),
                expected.size(), Duration.ofSeconds(30));
        List<String> types = records.stream()
                .map(r -> EventContract.assertConforms(r.value()).path("type").asText().replace("io.casework.case.", ""))
                .toList();
        assertEquals(expected, types);

        JsonNode internal = EventContract.assertConforms(records.get(2).value()).path("data");
        assertEquals("INTERNAL", internal.path("visibility").asText());
        assertFalse(internal.path("body").isTextual(), "internal notes never travel");
        JsonNode firstResponse = EventContract.assertConforms(records.get(4).value()).path("data");
        assertEquals(true, firstResponse.path("firstResponse").asBoolean());
        assertEquals("ops@acme.example", firstResponse.path("ccEmails").get(0).asText());
        // No duplicates: a little later there is still exactly one event per change.
        assertEquals(expected.size(), EventTap.awaitAll("casework.case-events", r -> id.equals(r.key()),
                expected.size(), Duration.ofSeconds(5)).size());
    }
}
