package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.ROOT;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Attachment;
import io.casework.cases.domain.Comment;
import io.casework.cases.domain.HistoryEntry;
import io.casework.cases.domain.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Idempotency-Key on every POST that creates something (issue 19), with filing's semantics: the same key and request
 * again answer with what the first created (Idempotent-Replayed: true) and create nothing; the same key with another
 * body or on another path is 422; a bad key is 400; refused callers stay refused and leave no key behind.
 */
@QuarkusTest
class IdempotentWritesTest {

    @Test
    void retriedCommentIsAddedOnce() {
        String caseId = file(ALICE, "P3");
        String key = UUID.randomUUID().toString();
        String body = "{\"body\": \"Logs attached below\"}";
        for (String token : List.of(ALICE, RITA, SAM)) {
            String own = key + token.hashCode();
            String first = comment(token, caseId, own, body).statusCode(201).header("Idempotent-Replayed", nullValue())
                    .extract().path("id");
            String location = comment(token, caseId, own, body).statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(first)).extract().header("Location");
            assertEquals(true, location.endsWith("/api/v1/cases/" + caseId + "/comments/" + first), location);
        }
        assertEquals(3L, count(() -> Comment.count("caseId = ?1 and body = ?2", UUID.fromString(caseId), "Logs attached below")));

        comment(ALICE, caseId, key + ALICE.hashCode(), "{\"body\": \"Another text\"}").statusCode(422)
                .contentType(startsWith("application/problem+json"));
        // the same key on another case is another request
        comment(ALICE, file(ALICE, "P3"), key + ALICE.hashCode(), body).statusCode(422)
                .contentType(startsWith("application/problem+json"));
        // keys are per caller: Bob's first use of Alice's key is his own first request
        comment(BOB, caseId, key + ALICE.hashCode(), body).statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void refusedCallersStayRefusedAndLeaveNoKey() {
        String caseId = file(ALICE, "P3");
        String key = UUID.randomUUID().toString();
        String body = "{\"body\": \"Not mine to write\"}";
        comment(CAROL, caseId, key, body).statusCode(404).contentType(startsWith("application/problem+json"));
        comment(CAROL, caseId, key, body).statusCode(404);
        // a customer's internal note is refused; the same key then works for an allowed request
        comment(ALICE, caseId, key, "{\"body\": \"x\", \"visibility\": \"INTERNAL\"}").statusCode(403);
        comment(ALICE, caseId, key, "{\"body\": \"Allowed now\"}").statusCode(201).header("Idempotent-Replayed", nullValue());
        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/cases/" + caseId + "/comments").then().statusCode(401);
        as(ALICE).header("Idempotency-Key", key).body("{\"id\": \"idem-" + key.substring(0, 8) + "\", \"name\": \"X\", "
                + "\"domains\": [\"x.example\"], \"planId\": \"standard\", \"region\": \"emea\"}")
                .post("/api/v1/organizations").then().statusCode(403);
        assertEquals(0L, count(() -> Comment.count("body", "Not mine to write")));
    }

    @Test
    void badKeyIsABadRequestEverywhere() {
        String caseId = file(ALICE, "P3");
        // (a blank header arrives as no header: the request is then simply not keyed)
        for (String bad : List.of("k".repeat(256), "é".repeat(256))) {
            comment(ALICE, caseId, bad, "{\"body\": \"x\"}").statusCode(400).contentType(startsWith("application/problem+json"));
            given().auth().oauth2(ALICE).header("Idempotency-Key", bad).multiPart("file", "a.txt", "a".getBytes(), "text/plain")
                    .post("/api/v1/cases/" + caseId + "/attachments").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
            as(BOB).header("Idempotency-Key", bad).body("{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"x\"}")
                    .post("/api/v1/cases/" + caseId + "/escalate").then().statusCode(400);
            as(ROOT).header("Idempotency-Key", bad).body(organization("idem-bad")).post("/api/v1/organizations").then()
                    .statusCode(400);
        }
        assertEquals(0L, count(() -> Comment.count("caseId", UUID.fromString(caseId))));
        get(SAM, caseId).body("escalated", equalTo(false));
    }

    @Test
    void retriedUploadStoresTheFileOnce() {
        String caseId = file(ALICE, "P3");
        String key = UUID.randomUUID().toString();
        byte[] log = ("mail queue log " + key).getBytes(StandardCharsets.UTF_8);
        String first = upload(key, caseId, log, "queue.log").statusCode(201).extract().path("id");
        upload(key, caseId, log, "queue.log").statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(1L, count(() -> Attachment.count("caseId", UUID.fromString(caseId))));

        upload(key, caseId, "other bytes".getBytes(StandardCharsets.UTF_8), "queue.log").statusCode(422)
                .contentType(startsWith("application/problem+json"));
        upload(key, caseId, log, "renamed.log").statusCode(422);
        upload(UUID.randomUUID().toString(), caseId, log, "queue.log").statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2L, count(() -> Attachment.count("caseId", UUID.fromString(caseId))));
    }

    @Test
    void retriedEscalationAnswersTheCaseInsteadOfAConflict() {
        String caseId = file(ALICE, "P2");
        String key = UUID.randomUUID().toString();
        String body = "{\"reason\": \"BUSINESS_IMPACT\", \"justification\": \"Invoicing blocked\"}";
        as(CAROL).header("Idempotency-Key", key).body(body).post("/api/v1/cases/" + caseId + "/escalate").then()
                .statusCode(404);
        escalate(BOB, caseId, key, body).statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("escalated", equalTo(true));
        String etag = escalate(BOB, caseId, key, body).statusCode(200).header("Idempotent-Replayed", "true")
                .body("escalated", equalTo(true)).extract().header("ETag");
        assertEquals(get(SAM, caseId).extract().header("ETag"), etag);
        escalate(BOB, caseId, key, body.replace("Invoicing", "Payroll")).statusCode(422)
                .contentType(startsWith("application/problem+json"));
        // without a key a second escalation is still the rule's 409
        action(BOB, caseId, "escalate", body).statusCode(409);
        assertEquals(1L, count(() -> HistoryEntry.count("caseId = ?1 and action = ?2", UUID.fromString(caseId), "ESCALATED")));
    }

    @Test
    void retriedSurveyAnswerIsRecordedOnce() {
        String caseId = file(ALICE, "P3");
        action(SAM, caseId, "resolve", "{\"resolutionCode\": \"RESOLVED\", \"note\": \"Fixed\"}").statusCode(200);
        String key = UUID.randomUUID().toString();
        as(ALICE).header("Idempotency-Key", key).body("{\"rating\": 5}").post("/api/v1/cases/" + caseId + "/survey")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("surveyRating", equalTo(5));
        as(ALICE).header("Idempotency-Key", key).body("{\"rating\": 5}").post("/api/v1/cases/" + caseId + "/survey")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("surveyRating", equalTo(5));
        as(ALICE).header("Idempotency-Key", key).body("{\"rating\": 1}").post("/api/v1/cases/" + caseId + "/survey")
                .then().statusCode(422);
    }

    @Test
    void retriedOrganizationCreationAnswersTheOrganization() {
        String id = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        as(ROOT).header("Idempotency-Key", key).body(organization(id)).post("/api/v1/organizations").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue());
        as(ROOT).header("Idempotency-Key", key).body(organization(id)).post("/api/v1/organizations").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/organizations/" + id));
        as(ROOT).header("Idempotency-Key", key).body(organization(id).replace("Org ", "Renamed ")).post("/api/v1/organizations")
                .then().statusCode(422);
        as(ROOT).body(organization(id)).post("/api/v1/organizations").then().statusCode(409);
        // a key used for an organization is refused on another path
        as(ROOT).header("Idempotency-Key", key).body("{\"body\": \"x\"}").post("/api/v1/cases/" + file(ALICE, "P4") + "/comments")
                .then().statusCode(422);
        assertEquals(1L, count(() -> Organization.count("id", id)));
    }

    @Test
    void concurrentRetriesWithOneKeyAddOneComment() throws Exception {
        String caseId = file(ALICE, "P3");
        String key = UUID.randomUUID().toString();
        String text = "Concurrent " + key;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> comment(BOB, caseId, key, "{\"body\": \"" + text + "\"}").extract());
            }
            for (Future<ExtractableResponse<Response>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (ExtractableResponse<Response> answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
        }
        assertEquals(1L, answers.stream().map(a -> a.path("id")).distinct().count());
        assertEquals(1L, count(() -> Comment.count("body", text)));
    }

    private static io.restassured.response.ValidatableResponse comment(String token, String caseId, String key, String body) {
        return as(token).header("Idempotency-Key", key).body(body).post("/api/v1/cases/" + caseId + "/comments").then();
    }

    private static io.restassured.response.ValidatableResponse escalate(String token, String caseId, String key, String body) {
        return as(token).header("Idempotency-Key", key).body(body).post("/api/v1/cases/" + caseId + "/escalate").then();
    }

    private static io.restassured.response.ValidatableResponse upload(String key, String caseId, byte[] content, String name) {
        return given().auth().oauth2(ALICE).header("Idempotency-Key", key).multiPart("file", name, content, "text/plain")
                .multiPart("description", "Queue log").post("/api/v1/cases/" + caseId + "/attachments").then();
    }

    private static io.restassured.response.ValidatableResponse get(String token, String caseId) {
        return io.casework.cases.CaseApi.get(token, caseId);
    }

    private static String organization(String id) {
        return """
                {"id": "%s", "name": "Org %s", "domains": ["%s.example"], "planId": "standard", "region": "emea"}"""
                .formatted(id, id, id);
    }

    private static long count(Callable<Long> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }
}
