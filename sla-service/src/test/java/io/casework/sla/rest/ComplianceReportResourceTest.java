package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.casework.sla.domain.Priority;
import io.casework.sla.service.ClockService;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

@QuarkusTest
class ComplianceReportResourceTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");

    // A day no other test uses: Tuesday 11 March 2031 (EDT since Sunday 9 March), standard plan on americas hours.
    static final String FROM = "2031-03-11T00:00:00Z";
    static final String TO = "2031-03-12T00:00:00Z";
    static final String ORGANIZATION = "report-" + UUID.randomUUID();
    static final String MAIL = "Mail " + UUID.randomUUID();
    static final String DRIVE = "Drive " + UUID.randomUUID();
    static boolean seeded;

    @Inject
    ClockService clocks;

    /**
     * Five cases opened at 10:00 EDT: answered in 1h (met, and its first update cycle running), answered the next
     * day (breached), not answered (running), waiting on the customer (paused), closed unanswered (stopped).
     */
    @BeforeEach
    void seedOnce() {
        if (seeded) {
            return;
        }
        Instant opened = Instant.parse("2031-03-11T14:00:00Z");
        UUID met = open(Priority.P1, MAIL, opened);
        clocks.staffResponded(met, true, opened.plusSeconds(3600));
        UUID late = open(Priority.P1, MAIL, opened);
        clocks.staffResponded(late, true, Instant.parse("2031-03-12T14:00:00Z"));
        open(Priority.P2, DRIVE, opened);
        UUID waiting = open(Priority.P3, DRIVE, opened);
        clocks.stateChanged(waiting, "ACTION_REQUIRED", opened.plusSeconds(1800));
        UUID closed = open(Priority.P4, null, opened);
        clocks.stateChanged(closed, "CLOSED", opened.plusSeconds(600));
        // Test (sandbox) cases of the same organization and products, met and breached: in no report
        for (Priority priority : Priority.values()) {
            UUID sandbox = UUID.randomUUID();
            clocks.caseOpened(sandbox, ORGANIZATION, MAIL, priority, opened, true);
            clocks.staffResponded(sandbox, true, opened.plusSeconds(priority == Priority.P1 ? 60 : 200_000));
        }
        seeded = true;
    }

    private UUID open(Priority priority, String product, Instant at) {
        UUID caseId = UUID.randomUUID();
        clocks.caseOpened(caseId, ORGANIZATION, product, priority, at);
        return caseId;
    }

    private static ValidatableResponse report(String token, String groupBy, String metric) {
        var request = given().auth().oauth2(token).queryParam("from", FROM).queryParam("to", TO);
        if (groupBy != null) {
            request.queryParam("groupBy", groupBy);
        }
        if (metric != null) {
            request.queryParam("metric", metric);
        }
        return request.get("/api/v1/sla/reports/compliance").then();
    }

    @Test
    void perOrganizationEveryTargetStartedInThePeriodIsCountedByWhereItStands() {
        report(OLGA, "organization", null).statusCode(200)
                .body("groupBy", equalTo("organization"))
                .body("groups", hasSize(1))
                .body("groups[0].key", equalTo(ORGANIZATION))
                .body("groups[0].met", equalTo(1))
                .body("groups[0].breached", equalTo(1))
                // The second case's update cycle starts on the 12th: outside the period.
                .body("groups[0].running", equalTo(2))
                .body("groups[0].paused", equalTo(1))
                .body("groups[0].stopped", equalTo(1))
                .body("groups[0].total", equalTo(6))
                .body("groups[0].compliancePercent", equalTo(50.0f));
    }

    @Test
    void perPriorityIsTheDefaultGrouping() {
        report(SAM, null, null).statusCode(200)
                .body("groupBy", equalTo("priority"))
                .body("groups.key", equalTo(List.of("P1", "P2", "P3", "P4")))
                .body("groups[0].met", equalTo(1))
                .body("groups[0].breached", equalTo(1))
                .body("groups[0].running", equalTo(1))
                .body("groups[1].running", equalTo(1))
                .body("groups[1].compliancePercent", nullValue())
                .body("groups[2].paused", equalTo(1))
                .body("groups[3].stopped", equalTo(1))
                .body("total.total", equalTo(6))
                .body("total.compliancePercent", equalTo(50.0f));
    }

    @Test
    void perProductForFirstResponsesOnly() {
        report(OLGA, "product", "FIRST_RESPONSE").statusCode(200)
                .body("metric", equalTo("FIRST_RESPONSE"))
                .body("groups.key", equalTo(java.util.Arrays.asList(DRIVE, MAIL, null)))
                .body("groups[0].running", equalTo(1))
                .body("groups[0].paused", equalTo(1))
                .body("groups[0].compliancePercent", nullValue())
                .body("groups[1].met", equalTo(1))
                .body("groups[1].breached", equalTo(1))
                .body("groups[1].compliancePercent", equalTo(50.0f))
                .body("groups[2].stopped", equalTo(1))
                .body("total.total", equalTo(5));
    }

    @Test
    void aPeriodWithoutTargetsHasNoGroupsAndNoCompliance() {
        given().auth().oauth2(OLGA).queryParam("from", "2032-01-01T00:00:00Z").queryParam("to", "2032-01-02T00:00:00Z")
                .get("/api/v1/sla/reports/compliance").then().statusCode(200)
                .body("groups", hasSize(0))
                .body("total.total", equalTo(0))
                .body("total.compliancePercent", nullValue());
    }

    @Test
    void unknownGroupingAndBackwardsPeriodAreBadRequests() {
        report(OLGA, "region", null).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("priority, organization, product"));
        given().auth().oauth2(OLGA).queryParam("from", TO).queryParam("to", FROM)
                .get("/api/v1/sla/reports/compliance").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OLGA).queryParam("to", TO).get("/api/v1/sla/reports/compliance").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(OLGA).queryParam("from", FROM).queryParam("to", "+999999999-12-31T23:59:59Z")
                .get("/api/v1/sla/reports/compliance").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("years 1 to 9999"));
    }

    @Test
    void customersCannotReadReports() {
        report(BOB, "priority", null).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void reportsNeedAToken() {
        given().queryParam("from", FROM).queryParam("to", TO).get("/api/v1/sla/reports/compliance").then()
                .statusCode(401).contentType("application/problem+json");
    }
}
