package io.casework.cases.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.messaging.inbox.ProcessedMessage;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SlaEventConsumerTest {

    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer");

    @Test
    void firstResponseTargetFromSlaServiceIsAppliedOnceEvenWhenRedelivered() {
        String caseId = given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body("""
                        {"product": "Cloud Mail", "subject": "Cannot open mail", "description": "Error 500",
                         "priority": "P2"}
                        """)
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String eventId = UUID.randomUUID().toString();
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/sla-service",
                 "type": "io.casework.sla.clock-started", "subject": "%s", "time": "2026-11-21T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "metric": "FIRST_RESPONSE", "priority": "P2",
                          "startedAt": "2026-11-21T10:00:00Z", "targetAt": "2026-11-23T10:00:00Z"}}
                """.formatted(eventId, caseId, caseId);

        EventTap.send("casework.sla-events", caseId, event);
        EventTap.send("casework.sla-events", caseId, event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(ALICE)
                .get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("firstResponseDueAt", equalTo("2026-11-23T10:00:00Z")));
        long applied = QuarkusTransaction.requiringNew().call(() -> ProcessedMessage.count("eventId", eventId));
        assertEquals(1, applied);
    }

    @Test
    void firstResponseDueTimeFollowsTargetsSet() {
        String caseId = given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body("""
                        {"product": "Cloud Mail", "subject": "Moving target", "description": "x", "priority": "P3"}
                        """)
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/sla-service",
                 "type": "io.casework.sla.targets-set", "subject": "%s", "time": "2026-11-21T10:00:00Z",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "organization": "acme", "priority": "P1", "plan": "premier", "planVersion": 2,
                          "reason": "PRIORITY_CHANGED", "setAt": "2026-11-21T10:00:00Z",
                          "targets": [{"metric": "FIRST_RESPONSE", "cycle": 0, "state": "RUNNING", "calendar": "24x7",
                                       "target": "PT1H", "dueAt": "2026-11-21T11:00:00Z"}]}}
                """.formatted(UUID.randomUUID(), caseId, caseId);
        io.casework.testsupport.EventContract.assertConforms(event);
        EventTap.send("casework.sla-events", caseId, event);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(ALICE)
                .get("/api/v1/cases/" + caseId).then().body("firstResponseDueAt", equalTo("2026-11-21T11:00:00Z")));
    }
}
