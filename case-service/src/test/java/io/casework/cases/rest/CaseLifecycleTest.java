package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.etag;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.casework.cases.service.AutoCloseJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class CaseLifecycleTest {

    @Inject
    AutoCloseJob autoClose;

    @Test
    void agentWorksCaseFromNewThroughSolutionToCustomerClose() {
        String id = file(ALICE, "P2");
        action(SAM, id, "transitions", "{\"to\": \"IN_PROGRESS\"}").statusCode(200).body("state", equalTo("IN_PROGRESS"));
        action(SAM, id, "transitions", "{\"to\": \"ACTION_REQUIRED\", \"reason\": \"Need logs\"}").statusCode(200)
                .body("state", equalTo("ACTION_REQUIRED"));
        comment(BOB, id, "Here are the logs", "PUBLIC").statusCode(201);
        get(ALICE, id).body("state", equalTo("IN_PROGRESS"));
        action(SAM, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"Quota raised\"}").statusCode(200)
                .body("state", equalTo("SOLUTION_PROVIDED")).body("resolutionCode", equalTo("RESOLVED"))
                .body("resolvedAt", notNullValue());
        action(ALICE, id, "close", "{}").statusCode(200).body("state", equalTo("CLOSED")).body("closedAt", notNullValue());
    }

    @Test
    void customerClosesFromAnyOpenState() {
        String id = file(ALICE, "P3");
        action(BOB, id, "close", "{\"reason\": \"Fixed it myself\"}").statusCode(200).body("state", equalTo("CLOSED"));
        action(BOB, id, "close", "{}").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void forbiddenTransitionsAreRefusedWithConflict() {
        String id = file(ALICE, "P3");
        action(SAM, id, "resolve", "{\"resolutionCode\": \"CANNOT_REPRODUCE\", \"note\": \"Try the new client\"}").statusCode(200);
        action(SAM, id, "transitions", "{\"to\": \"ACTION_REQUIRED\"}").statusCode(409)
                .body("detail", containsString("SOLUTION_PROVIDED"));
        action(SAM, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"again\"}").statusCode(409);
        action(ALICE, id, "close", "{}").statusCode(200);
        action(SAM, id, "transitions", "{\"to\": \"IN_PROGRESS\"}").statusCode(409);
        action(SAM, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"again\"}").statusCode(409);
    }

    @Test
    void unknownTargetStateOrResolutionCodeIsBadRequest() {
        String id = file(ALICE, "P3");
        action(SAM, id, "transitions", "{\"to\": \"CLOSED\"}").statusCode(400).contentType("application/problem+json");
        action(SAM, id, "resolve", "{\"resolutionCode\": \"MAGIC\", \"note\": \"x\"}").statusCode(400);
    }

    @Test
    void customersCannotMoveOrResolveCases() {
        String id = file(ALICE, "P3");
        action(ALICE, id, "transitions", "{\"to\": \"IN_PROGRESS\"}").statusCode(403).contentType("application/problem+json");
        action(ALICE, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"done\"}").statusCode(403);
    }

    @Test
    void otherOrganizationCannotActOnCaseAndLearnsNothing() {
        String id = file(ALICE, "P3");
        action(CAROL, id, "close", "{}").statusCode(404);
        comment(CAROL, id, "hello", "PUBLIC").statusCode(404);
        action(CAROL, id, "escalate", "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"x\"}").statusCode(404);
        get(ALICE, id).body("state", equalTo("NEW"));
    }

    @Test
    void escalationAllowedByPremierPlanOncePerOpenPeriodAndEndedByStaff() {
        String id = file(ALICE, "P2");
        action(BOB, id, "escalate", "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"Invoicing blocked\"}")
                .statusCode(200).body("escalated", equalTo(true)).body("escalationReason", equalTo("BUSINESS_IMPACT"));
        action(BOB, id, "escalate", "{\"reason\": \"RESOLUTION_TIME\", \"justification\": \"again\"}").statusCode(409);
        action(BOB, id, "de-escalate", "{\"reason\": \"no\"}").statusCode(403);
        action(SAM, id, "de-escalate", "{\"reason\": \"Workaround accepted\"}").statusCode(200).body("escalated", equalTo(false));
    }

    @Test
    void escalationOutsidePlanIsForbidden() {
        String id = as(CAROL).body("""
                {"product": "Cloud Drive", "subject": "Sync slow", "description": "Slow", "priority": "P3"}
                """).post("/api/v1/cases").then().statusCode(201).extract().path("id");
        action(CAROL, id, "escalate", "{\"reason\": \"RESOLUTION_TIME\", \"justification\": \"Too slow\"}")
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("plan"));
    }

    @Test
    void escalationNeedsReasonAndJustification() {
        String id = file(ALICE, "P2");
        action(ALICE, id, "escalate", "{\"reason\": \"BUSINESS_IMPACT\"}").statusCode(400);
        action(ALICE, id, "escalate", "{\"reason\": \"BECAUSE\", \"justification\": \"x\"}").statusCode(400);
    }

    @Test
    void customerCannotChangePriorityAndIsToldTheWayOut() {
        String id = file(ALICE, "P3");
        String etag = etag(ALICE, id);
        as(ALICE).header("If-Match", etag).body("{\"priority\": \"P1\", \"reason\": \"urgent\"}")
                .put("/api/v1/cases/" + id + "/priority").then().statusCode(403)
                .body("detail", containsString("new case")).body("relatedCaseId", equalTo(id));
        as(ALICE).header("If-Match", etag).contentType("application/merge-patch+json").body("{\"priority\": \"P1\"}")
                .patch("/api/v1/cases/" + id).then().statusCode(403).body("detail", containsString("comment"));
        get(ALICE, id).body("priority", equalTo("P3"));
    }

    @Test
    void staffChangePriorityOnlyWithReasonAndCurrentVersion() {
        String id = file(ALICE, "P3");
        String etag = etag(SAM, id);
        as(SAM).header("If-Match", etag).body("{\"priority\": \"CRITICAL\"}").put("/api/v1/cases/" + id + "/priority")
                .then().statusCode(400);
        as(SAM).body("{\"priority\": \"P1\", \"reason\": \"All users hit\"}").put("/api/v1/cases/" + id + "/priority")
                .then().statusCode(428);
        as(SAM).header("If-Match", etag).body("{\"priority\": \"P1\", \"reason\": \"All users hit\"}")
                .put("/api/v1/cases/" + id + "/priority").then().statusCode(200).body("priority", equalTo("P1"))
                .body("severity", equalTo("CRITICAL"));
        as(SAM).header("If-Match", etag).body("{\"priority\": \"P2\", \"reason\": \"stale\"}")
                .put("/api/v1/cases/" + id + "/priority").then().statusCode(412);
    }

    @Test
    void staffAssignAndMyOpenCasesListsThem() {
        String id = file(ALICE, "P2");
        as(SAM).header("If-Match", etag(SAM, id)).body("{\"assignee\": \"sam@casework.example\"}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(200).body("assignee", equalTo("sam@casework.example"));
        as(SAM).get("/api/v1/cases?assignee=me&status=open&limit=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        as(ALICE).header("If-Match", etag(ALICE, id)).body("{\"assignee\": \"alice@acme.example\"}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(403);
        as(SAM).header("If-Match", etag(SAM, id)).body("{\"assignee\": null}")
                .put("/api/v1/cases/" + id + "/assignee").then().statusCode(200).body("assignee", nullValue());
    }

    @Test
    void surveyIsAnsweredOnceAfterSolution() {
        String id = file(ALICE, "P3");
        action(ALICE, id, "survey", "{\"rating\": 5}").statusCode(409);
        action(SAM, id, "resolve", "{\"resolutionCode\": \"FEATURE_REQUEST\", \"note\": \"Logged as FR-12\"}").statusCode(200);
        action(ALICE, id, "survey", "{\"rating\": 6}").statusCode(400);
        action(SAM, id, "survey", "{\"rating\": 5}").statusCode(403);
        action(ALICE, id, "survey", "{\"rating\": 4, \"comment\": \"Clear answer\"}").statusCode(200)
                .body("surveyRating", equalTo(4));
        action(BOB, id, "survey", "{\"rating\": 1}").statusCode(409);
    }

    @Test
    void solutionLeftUnansweredIsClosedAutomatically() {
        String id = file(ALICE, "P4");
        action(SAM, id, "resolve", "{\"resolutionCode\": \"OUT_OF_SCOPE\", \"note\": \"Not supported\"}").statusCode(200);
        String fresh = file(ALICE, "P4");
        action(SAM, fresh, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"Done\"}").statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> io.casework.cases.domain.Case.update(
                "updatedAt = ?1 where id = ?2", Instant.now().minus(8, ChronoUnit.DAYS), java.util.UUID.fromString(id)));

        autoClose.closeStale(Instant.now().minus(7, ChronoUnit.DAYS));

        get(ALICE, id).body("state", equalTo("CLOSED"));
        get(ALICE, fresh).body("state", equalTo("SOLUTION_PROVIDED"));
    }
}
