package io.casework.cases.messaging;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KnownIssueSubscriptionTest {

    @Test
    void meTooOpensExactlyOneLinkedCaseAndUnsubscribingReturnsToIndividualSupport() {
        String incident = UUID.randomUUID().toString();
        String added = event("io.casework.status.subscription-added", UUID.randomUUID().toString(), incident);
        EventContract.assertConforms(added);
        EventTap.send("casework.status-events", incident, added);
        EventTap.send("casework.status-events", incident, added);
        EventTap.send("casework.status-events", incident,
                event("io.casework.status.subscription-added", UUID.randomUUID().toString(), incident));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(ALICE)
                .queryParam("q", "I-2026-0042").get("/api/v1/cases").then().statusCode(200)
                .body("items.findAll { it.knownIssueId == '" + incident + "' }", hasSize(1)));
        String caseId = as(ALICE).queryParam("q", "I-2026-0042").get("/api/v1/cases").then()
                .extract().path("items.find { it.knownIssueId == '" + incident + "' }.id");
        as(ALICE).get("/api/v1/cases/" + caseId).then().body("priority", equalTo("P1"))
                .body("contactEmail", equalTo("alice@acme.example")).body("product", equalTo("cloud-mail"));
        EventContract.assertConforms(EventTap.await("casework.case-events", r -> caseId.equals(r.key()),
                Duration.ofSeconds(20)).value());

        EventTap.send("casework.status-events", incident,
                event("io.casework.status.subscription-removed", UUID.randomUUID().toString(), incident));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(ALICE).get("/api/v1/cases/" + caseId + "/history")
                .then().body("action", hasItem("KNOWN_ISSUE_UNSUBSCRIBED")));
        long linked = QuarkusTransaction.requiringNew().call(() -> Case.count("knownIssueId", incident));
        assertEquals(1, linked);
    }

    private static String event(String type, String id, String incident) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "/casework/status-service", "type": "%s",
                 "subject": "%s", "time": "2026-11-21T10:00:00Z", "datacontenttype": "application/json",
                 "data": {"incidentId": "%s", "incidentNumber": "I-2026-0042", "title": "Mail delayed",
                          "impact": "OUTAGE", "severity": "CRITICAL", "affectedProducts": ["cloud-mail"],
                          "subscriberEmail": "alice@acme.example", "subscriberOrganization": "acme",
                          "subscribedAt": "2026-11-21T10:00:00Z", "unsubscribedAt": "2026-11-21T11:00:00Z"}}
                """.formatted(id, type, incident, incident);
    }
}
