package io.casework.cases.rest;

import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.cases.CaseApi;
import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The agent desk (issue 18): each case carries its SLA state kept from sla-service's events, and GET /api/v1/cases
 * sorts a queue by priority, due time and arrival and filters it by escalated, breached, due time and organization,
 * under the same access rules as every list. Each test works in an organization of its own.
 */
@QuarkusTest
class CaseQueueTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void slaEventsMakeTheStateOfTheCaseInListsAndReads() {
        String org = "sla" + suffix();
        String boss = CaseApi.newOrganization(org, null, "2099-12-31");
        String id = file(boss, "P2", "SLA state");
        get(boss, id).statusCode(200).body("sla", nullValue());

        Instant firstDue = NOW.plus(4, ChronoUnit.HOURS);
        String opened = targetsSet(id, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "RUNNING", firstDue));
        send(id, opened);
        send(id, opened); // the same event again (same id): applied once
        awaitSla(boss, id, "FIRST_RESPONSE", firstDue, false);
        as(boss).queryParam("organization", org).get("/api/v1/cases").then().statusCode(200)
                .body("items[0].sla.nextTarget", equalTo("FIRST_RESPONSE"))
                .body("items[0].sla.dueAt", equalTo(firstDue.toString()))
                .body("items[0].sla.breached", equalTo(false));

        // missed, then answered late: the breach stays, the next target is the first update cycle
        send(id, changed("io.casework.sla.breached", id, org, "FIRST_RESPONSE", 0, firstDue, firstDue, null));
        awaitSla(boss, id, "FIRST_RESPONSE", firstDue, true);
        Instant answered = firstDue.plus(10, ChronoUnit.MINUTES);
        Instant updateDue = answered.plus(1, ChronoUnit.DAYS);
        send(id, targetsSet(id, org, answered, "FIRST_RESPONSE", target("PERIODIC_UPDATE", 1, "RUNNING", updateDue)));
        awaitSla(boss, id, "PERIODIC_UPDATE", updateDue, true);

        // waiting on the customer: paused, no due time; a replayed older resume changes nothing; a newer one does
        Instant paused = answered.plus(1, ChronoUnit.HOURS);
        send(id, changed("io.casework.sla.paused", id, org, "PERIODIC_UPDATE", 1, null, paused, "ACTION_REQUIRED"));
        awaitSla(boss, id, "PERIODIC_UPDATE", null, true);
        String replay = send(id, changed("io.casework.sla.resumed", id, org, "PERIODIC_UPDATE", 1, updateDue, answered,
                "IN_PROGRESS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedMessage.count("eventId", replay)) == 1);
        get(boss, id).body("sla.nextTarget", equalTo("PERIODIC_UPDATE")).body("sla.dueAt", nullValue());
        Instant resumedDue = updateDue.plus(2, ChronoUnit.HOURS);
        send(id, changed("io.casework.sla.resumed", id, org, "PERIODIC_UPDATE", 1, resumedDue,
                paused.plus(3, ChronoUnit.HOURS), "IN_PROGRESS"));
        awaitSla(boss, id, "PERIODIC_UPDATE", resumedDue, true);

        // an update answered in time
        Instant met = paused.plus(4, ChronoUnit.HOURS);
        send(id, changed("io.casework.sla.met", id, org, "PERIODIC_UPDATE", 1, resumedDue, met, null));
        awaitSla(boss, id, null, null, true);

        // closed: no next target (sla-service stops the clocks without an event); the breach is history
        send(id, targetsSet(id, org, met, "UPDATE", target("PERIODIC_UPDATE", 2, "RUNNING", met.plus(1, ChronoUnit.DAYS))));
        awaitSla(boss, id, "PERIODIC_UPDATE", met.plus(1, ChronoUnit.DAYS), true);
        action(boss, id, "close", "{\"reason\": \"Solved\"}").statusCode(200)
                .body("sla.nextTarget", nullValue()).body("sla.dueAt", nullValue()).body("sla.breached", equalTo(true));
        get(boss, id).body("sla.nextTarget", nullValue()).body("sla.breached", equalTo(true));
    }

    @Test
    void queueIsSortedByPriorityThenDueTimeThenArrivalAcrossPages() {
        String org = "queue" + suffix();
        String boss = CaseApi.newOrganization(org, null, "2099-12-31");
        // filed in this order; both priority schemes rank together
        String a = file(boss, "P2", "a");
        String b = file(boss, "CRITICAL", "b");
        String c = file(boss, "P1", "c");
        String d = file(boss, "P1", "d");
        String e = file(boss, "MINOR", "e");
        String f = file(boss, "SEVERE", "f");
        String g = file(boss, "P2", "g");
        Map<String, Instant> due = Map.of(a, NOW.plus(3, ChronoUnit.HOURS), c, NOW.plus(5, ChronoUnit.HOURS),
                d, NOW.plus(1, ChronoUnit.HOURS), e, NOW.plus(1, ChronoUnit.HOURS), f, NOW.plus(3, ChronoUnit.HOURS));
        due.forEach((id, at) -> send(id, targetsSet(id, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "RUNNING", at))));
        due.forEach((id, at) -> awaitSla(boss, id, "FIRST_RESPONSE", at, false));

        List<String> expected = List.of(d, c, b, a, f, g, e);
        assertEquals(expected, pages(SAM, Map.of("organization", org, "status", "open", "sort", "priority,dueAt"), 2));
        assertEquals(expected, pages(boss, Map.of("sort", "priority,dueAt"), 3));
        assertEquals(expected, pages(SAM, Map.of("organization", org, "sort", "priority,dueAt"), 100));

        // a case that comes due sooner moves up within its priority
        send(g, targetsSet(g, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "RUNNING", NOW.plus(2, ChronoUnit.HOURS))));
        awaitSla(boss, g, "FIRST_RESPONSE", NOW.plus(2, ChronoUnit.HOURS), false);
        assertEquals(List.of(d, c, b, g, a, f, e), pages(boss, Map.of("sort", "priority,dueAt"), 4));
    }

    @Test
    void deskFiltersNarrowTheQueue() {
        String org = "desk" + suffix();
        String boss = CaseApi.newOrganization(org, null, "2099-12-31");
        String soon = file(boss, "P3", "due soon");
        String late = file(boss, "P1", "breached");
        String later = file(boss, "P2", "due later, escalated");
        String none = file(boss, "P4", "no SLA state yet");
        send(soon, targetsSet(soon, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "RUNNING", NOW.plus(1, ChronoUnit.HOURS))));
        send(late, targetsSet(late, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "BREACHED", NOW.minus(1, ChronoUnit.HOURS))));
        send(later, targetsSet(later, org, NOW, "OPENED", target("FIRST_RESPONSE", 0, "RUNNING", NOW.plus(1, ChronoUnit.DAYS))));
        awaitSla(boss, soon, "FIRST_RESPONSE", NOW.plus(1, ChronoUnit.HOURS), false);
        awaitSla(boss, late, "FIRST_RESPONSE", NOW.minus(1, ChronoUnit.HOURS), true);
        awaitSla(boss, later, "FIRST_RESPONSE", NOW.plus(1, ChronoUnit.DAYS), false);
        action(boss, later, "escalate", "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"Board meeting\"}")
                .statusCode(200);

        Map<String, String> queue = Map.of("organization", org, "sort", "priority,dueAt");
        assertEquals(List.of(late), pages(SAM, with(queue, "breached", "true"), 20));
        assertEquals(List.of(later, soon, none), pages(SAM, with(queue, "breached", "false"), 20));
        assertEquals(List.of(later), pages(SAM, with(queue, "escalated", "true"), 20));
        assertEquals(List.of(late, soon, none), pages(SAM, with(queue, "escalated", "false"), 20));
        String inTwoHours = NOW.plus(2, ChronoUnit.HOURS).toString();
        assertEquals(List.of(late, soon), pages(SAM, with(queue, "dueBefore", inTwoHours), 20));
        assertEquals(List.of(late), pages(SAM, with(queue, "dueBefore", NOW.toString()), 20));
        assertEquals(List.of(soon), pages(SAM, Map.of("organization", org, "dueBefore", inTwoHours, "breached", "false"), 20));
        assertEquals(List.of(late, later, soon, none), pages(SAM, queue, 20));
        // the filters without the queue order, in the default order (newest change first)
        assertEquals(List.of(later), pages(SAM, Map.of("organization", org, "escalated", "true"), 20));
        // assignee (since issue 4) combines with them: "my breached cases"
        as(SAM).header("If-Match", CaseApi.etag(SAM, late)).body("{\"assignee\": \"sam@casework.example\"}")
                .put("/api/v1/cases/" + late + "/assignee").then().statusCode(200);
        assertEquals(List.of(late), pages(SAM, Map.of("organization", org, "assignee", "me", "breached", "true",
                "status", "open", "sort", "priority,dueAt"), 20));
        // the organization's own people see the same queue
        assertEquals(List.of(late, soon), pages(boss, Map.of("dueBefore", inTwoHours, "sort", "priority,dueAt"), 20));
    }

    @Test
    void organizationFilterNeverWidensWhatCustomersAndPartnersSee() {
        String org = "tenant" + suffix();
        String boss = CaseApi.newOrganization(org, null, "2099-12-31");
        String id = file(boss, "P1", "not for others");
        for (String other : List.of(CAROL, RITA)) {
            as(other).queryParam("organization", org).get("/api/v1/cases").then().statusCode(200).body("items", empty());
            as(other).queryParam("organization", org).queryParam("sort", "priority,dueAt").get("/api/v1/cases").then()
                    .statusCode(200).body("items", empty());
        }
        // and a customer naming another organization sees nothing of their own either
        as(boss).queryParam("organization", "acme").get("/api/v1/cases").then().statusCode(200).body("items", empty());
        assertEquals(List.of(id), pages(boss, Map.of("organization", org), 20));
        assertEquals(List.of(id), pages(SAM, Map.of("organization", org), 20));
    }

    @Test
    void badQueueQueriesAreProblemsNamingWhatIsValid() {
        as(SAM).queryParam("sort", "priority").get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("priority,dueAt")).body("detail", containsString("-updatedAt"));
        as(SAM).queryParam("sort", "dueAt,priority").get("/api/v1/cases").then().statusCode(400);
        as(SAM).queryParam("escalated", "yes").get("/api/v1/cases").then().statusCode(400)
                .body("detail", equalTo("escalated must be true or false"));
        as(SAM).queryParam("breached", "1").get("/api/v1/cases").then().statusCode(400)
                .body("detail", equalTo("breached must be true or false"));
        as(SAM).queryParam("dueBefore", "tomorrow").get("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("dueBefore"));
        as(SAM).queryParam("organization", " ").get("/api/v1/cases").then().statusCode(400);
        as(SAM).queryParam("sort", "priority,dueAt").queryParam("q", "mail").get("/api/v1/cases").then().statusCode(400)
                .body("detail", containsString("not combined with a search text"));
        // a cursor of another order is refused, and the other way round
        String org = "cursor" + suffix();
        String boss = CaseApi.newOrganization(org, null, "2099-12-31");
        file(boss, "P1", "one");
        file(boss, "P2", "two");
        String timeCursor = as(boss).queryParam("limit", 1).get("/api/v1/cases").then().statusCode(200)
                .extract().path("nextCursor");
        as(boss).queryParam("limit", 1).queryParam("sort", "priority,dueAt").queryParam("cursor", timeCursor)
                .get("/api/v1/cases").then().statusCode(400).body("detail", equalTo("cursor is not one this API returned"));
        String queueCursor = as(boss).queryParam("limit", 1).queryParam("sort", "priority,dueAt").get("/api/v1/cases")
                .then().statusCode(200).extract().path("nextCursor");
        as(boss).queryParam("limit", 1).queryParam("cursor", queueCursor).get("/api/v1/cases").then().statusCode(400);
    }

    // --- helpers

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String file(String token, String priority, String subject) {
        return as(token).body("""
                {"product": "Cloud Mail", "subject": "%s", "description": "Queue test", "priority": "%s"}
                """.formatted(subject, priority)).post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.put(name, value);
        return all;
    }

    /** Every page of a list, following nextCursor: the ids in order. */
    private static List<String> pages(String token, Map<String, String> params, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParams(params).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get("/api/v1/cases").then().statusCode(200).extract();
            List<String> found = page.path("items.id");
            ids.addAll(found);
            cursor = page.path("nextCursor");
        } while (cursor != null && ids.size() < 1000);
        return ids;
    }

    private static void awaitSla(String token, String id, String nextTarget, Instant dueAt, boolean breached) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(token, id).statusCode(200)
                .body("sla.nextTarget", equalTo(nextTarget))
                .body("sla.dueAt", equalTo(dueAt == null ? null : dueAt.toString()))
                .body("sla.breached", equalTo(breached)));
    }

    /** Sends an SLA event (checked against its contract first); returns its id. */
    private static String send(String caseId, String event) {
        String id = EventContract.assertConforms(event).path("id").asText();
        EventTap.send("casework.sla-events", caseId, event);
        return id;
    }

    private static String target(String metric, int cycle, String state, Instant dueAt) {
        return """
                {"metric": "%s", "cycle": %d, "state": "%s", "calendar": "24x7", "target": "PT4H", "dueAt": "%s"}"""
                .formatted(metric, cycle, state, dueAt);
    }

    private static String targetsSet(String caseId, String org, Instant at, String reason, String... targets) {
        return cloudEvent("io.casework.sla.targets-set", caseId, at, """
                {"caseId": "%s", "organization": "%s", "priority": "P2", "plan": "premier", "planVersion": 1,
                 "reason": "%s", "setAt": "%s", "targets": [%s]}""".formatted(caseId, org, reason, at,
                String.join(", ", targets)));
    }

    private static String changed(String type, String caseId, String org, String metric, int cycle, Instant dueAt,
            Instant at, String reason) {
        return cloudEvent(type, caseId, at, """
                {"caseId": "%s", "organization": "%s", "priority": "P2", "metric": "%s", "cycle": %d, "calendar": "24x7",
                 "target": "PT4H", "dueAt": %s, "occurredAt": "%s", "elapsed": "PT1H", "remaining": "PT3H",
                 "reason": %s}""".formatted(caseId, org, metric, cycle, dueAt == null ? "null" : "\"" + dueAt + "\"", at,
                reason == null ? "null" : "\"" + reason + "\""));
    }

    private static String cloudEvent(String type, String caseId, Instant at, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/casework/sla-service", "type": "%s", "subject": "%s",
                 "time": "%s", "datacontenttype": "application/json", "data": %s}"""
                .formatted(UUID.randomUUID(), type, caseId, at, data);
    }
}
