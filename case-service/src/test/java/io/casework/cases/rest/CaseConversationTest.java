package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseConversationTest {

    @Test
    void internalNotesAreForStaffOnly() {
        String id = file(ALICE, "P3");
        comment(SAM, id, "Customer is on an old client", "INTERNAL").statusCode(201);
        comment(SAM, id, "Please update your client", "PUBLIC").statusCode(201);
        comment(ALICE, id, "Sneaky note", "INTERNAL").statusCode(403).contentType("application/problem+json");

        as(ALICE).get("/api/v1/cases/" + id + "/comments").then().statusCode(200)
                .body("visibility", everyItem(equalTo("PUBLIC"))).body("body", not(hasItem("Customer is on an old client")));
        as(SAM).get("/api/v1/cases/" + id + "/comments").then().statusCode(200).body("body",
                hasItems("Customer is on an old client", "Please update your client"));
        as(ALICE).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("body", not(hasItem("Customer is on an old client")));
    }

    @Test
    void staffFirstPublicCommentIsTheFirstResponse() {
        String id = file(ALICE, "P2");
        comment(SAM, id, "Looking into it", "INTERNAL").statusCode(201);
        get(SAM, id).body("state", equalTo("NEW")).body("firstRespondedAt", equalTo(null));
        comment(SAM, id, "We are on it", "PUBLIC").statusCode(201);
        get(SAM, id).body("state", equalTo("IN_PROGRESS")).body("firstRespondedAt", notNullValue());
    }

    @Test
    void customerReplyToSolutionPutsCaseBackInProgress() {
        String id = file(ALICE, "P3");
        action(SAM, id, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"Restart\"}").statusCode(200);
        comment(BOB, id, "Restarting did not help", "PUBLIC").statusCode(201);
        get(ALICE, id).body("state", equalTo("IN_PROGRESS"));
    }

    @Test
    void commentWithinThirtyDaysOfClosingReopensTheCase() {
        String id = file(ALICE, "P3");
        action(ALICE, id, "close", "{}").statusCode(200);
        closedDaysAgo(id, 29);

        comment(BOB, id, "It is back", "PUBLIC").statusCode(201);

        get(ALICE, id).body("state", equalTo("IN_PROGRESS")).body("reopenCount", equalTo(1)).body("closedAt", equalTo(null));
    }

    @Test
    void commentAfterThirtyDaysIsRefusedWithLinkToFileNewCaseAndNotStored() {
        String id = file(ALICE, "P3");
        action(ALICE, id, "close", "{}").statusCode(200);
        closedDaysAgo(id, 31);

        comment(BOB, id, "It is back again", "PUBLIC").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("File a new case")).body("relatedCaseId", equalTo(id))
                .body("newCasePath", equalTo("/api/v1/cases"));

        get(ALICE, id).body("state", equalTo("CLOSED"));
        as(ALICE).get("/api/v1/cases/" + id + "/comments").then().body("$", hasSize(0));
        // The way out works: a new case that references the old one.
        as(ALICE).body("""
                {"product": "Cloud Mail", "subject": "Delays again", "description": "Same as before",
                 "priority": "P2", "relatedCaseIds": ["%s"]}""".formatted(id))
                .post("/api/v1/cases").then().statusCode(201).body("relatedCaseIds", hasItem(id));
    }

    @Test
    void historyRecordsWhoWhenWhatWhyWithComments() {
        String id = file(ALICE, "P3");
        comment(SAM, id, "On it", "PUBLIC").statusCode(201);
        as(SAM).header("If-Match", io.casework.cases.CaseApi.etag(SAM, id))
                .body("{\"priority\": \"P2\", \"reason\": \"Two teams blocked\"}")
                .put("/api/v1/cases/" + id + "/priority").then().statusCode(200);

        as(ALICE).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("action", hasItems("OPENED", "COMMENTED", "STATE_CHANGED", "PRIORITY_CHANGED"))
                .body("find { it.action == 'PRIORITY_CHANGED' }.reason", equalTo("Two teams blocked"))
                .body("find { it.action == 'PRIORITY_CHANGED' }.oldValue", equalTo("P3"))
                .body("find { it.action == 'PRIORITY_CHANGED' }.actor", equalTo("sam@casework.example"))
                .body("find { it.action == 'COMMENTED' }.body", equalTo("On it"));
    }

    private static void closedDaysAgo(String id, int days) {
        QuarkusTransaction.requiringNew().run(() -> Case.update("closedAt = ?1 where id = ?2",
                Instant.now().minus(days, ChronoUnit.DAYS), UUID.fromString(id)));
    }
}
