package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.comment;
import static io.casework.cases.CaseApi.newOrganization;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A partner's own reference on a case (issue 19): validated, unique per organization and filing party, found again. */
@QuarkusTest
class ExternalIdTest {

    static final String PARTNER_INTEGRATION = Tokens.of("service-account-partner-resellco", "resellco", "partner");

    @Test
    void partnerFindsItsCaseByItsOwnReferenceAndOthersOnlyWithinTheirTenancy() {
        String ref = reference();
        String id = file(RITA, "acme", ref).statusCode(201).body("externalId", equalTo(ref)).extract().path("id");
        as(RITA).get("/api/v1/cases/" + id).then().statusCode(200).body("externalId", equalTo(ref));

        for (String allowed : List.of(RITA, PARTNER_INTEGRATION, ALICE, BOB, SAM)) {
            lookup(allowed, ref).statusCode(200).body("items.id", contains(id)).body("items[0].externalId", equalTo(ref))
                    .body("nextCursor", equalTo(null));
        }
        // another organization's customer, and a partner that does not manage acme: an empty page, not the case
        String otherPartner = Tokens.of("pat@other-reseller.example", "other-reseller", "partner");
        for (String refused : List.of(CAROL, otherPartner)) {
            lookup(refused, ref).statusCode(200).body("items", empty());
        }
        given().queryParam("externalId", ref).get("/api/v1/cases").then().statusCode(401);
        // combines with the other filters
        as(RITA).queryParam("externalId", ref).queryParam("status", "closed").get("/api/v1/cases").then()
                .statusCode(200).body("items", empty());
        lookup(RITA, reference()).statusCode(200).body("items", empty());
    }

    @Test
    void partnerLosesTheLookupWhenTheClientWithdrawsAccess() {
        String client = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        String clientAdmin = newOrganization(client, "resellco", "2030-12-31");
        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        String ref = reference();
        String id = file(RITA, client, ref).statusCode(201).extract().path("id");
        lookup(RITA, ref).body("items.id", contains(id));

        as(clientAdmin).body("{\"granted\": false}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        lookup(RITA, ref).statusCode(200).body("items", empty());
        lookup(clientAdmin, ref).statusCode(200).body("items.id", contains(id));
    }

    @Test
    void secondCaseWithTheSameReferenceIsAConflictWithinTheSameOrganizationAndFilingParty() {
        String ref = reference();
        String first = file(RITA, "acme", ref).statusCode(201).extract().path("id");

        // the same partner (a person or its integration) for the same client: 409, naming the case it may see
        file(RITA, "acme", ref).statusCode(409).contentType(startsWith("application/problem+json"))
                .body("caseId", equalTo(first)).body("title", equalTo("externalId already used"));
        file(PARTNER_INTEGRATION, "acme", ref).statusCode(409).contentType(startsWith("application/problem+json"));
        assertEquals(1L, casesWith(ref));

        // another filing party (the client's own people) or another client: their own reference space
        String client = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        String clientAdmin = newOrganization(client, "resellco", "2030-12-31");
        as(clientAdmin).body("{\"granted\": true}").put("/api/v1/organizations/" + client + "/reseller-access")
                .then().statusCode(200);
        file(RITA, client, ref).statusCode(201);
        file(ALICE, null, ref).statusCode(201);
        file(BOB, null, ref).statusCode(201);
        file(ALICE, null, ref).statusCode(409).contentType(startsWith("application/problem+json"));
        assertEquals(4L, casesWith(ref));
        // the partner sees its clients' cases, those its client's people filed with the same reference too
        lookup(RITA, ref).body("items.organization", org.hamcrest.Matchers.containsInAnyOrder("acme", "acme", "acme", client))
                .body("items.filedByReseller", org.hamcrest.Matchers.containsInAnyOrder("resellco", "resellco", null, null));
        lookup(ALICE, ref).body("items.organization", org.hamcrest.Matchers.everyItem(equalTo("acme")));
    }

    @Test
    void retriedFilingWithTheSameKeyReplaysInsteadOfConflicting() {
        String ref = reference();
        String key = UUID.randomUUID().toString();
        String first = as(RITA).header("Idempotency-Key", key).body(body("acme", ref)).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        as(RITA).header("Idempotency-Key", key).body(body("acme", ref)).post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first)).body("externalId", equalTo(ref));
        as(RITA).header("Idempotency-Key", UUID.randomUUID().toString()).body(body("acme", ref)).post("/api/v1/cases")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        assertEquals(1L, casesWith(ref));
    }

    @Test
    void concurrentFilingsWithOneReferenceMakeOneCaseAndConflicts() throws Exception {
        String ref = reference();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> file(RITA, "acme", ref).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, casesWith(ref));
    }

    @Test
    void malformedReferenceIsABadRequestAndNothingIsFiled() {
        for (String bad : List.of("", " INC-1", "INC 1", "x".repeat(129), "caf\u00e9", "-leading-dash", "a\u0000b",
                "semi;colon", "<script>", "quote\"d")) {
            String json = """
                    {"organization": "acme", "product": "Cloud Mail", "subject": "Bad ref", "description": "x",
                     "priority": "P3", "externalId": %s}""".formatted(jsonString(bad));
            as(RITA).body(json).post("/api/v1/cases").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
            if (!bad.isEmpty()) { // RestAssured sends an empty value as a bare name, which is no filter
                as(RITA).queryParam("externalId", bad).get("/api/v1/cases").then().statusCode(400)
                        .contentType(startsWith("application/problem+json"));
            }
        }
        as(RITA).body(body("acme", "x".repeat(128))).post("/api/v1/cases").then().statusCode(201);
        as(RITA).body(body("acme", "SN:INC0012345/a.b_c#9+x@y-z")).post("/api/v1/cases").then().statusCode(201);
    }

    @Test
    void caseEventsCarryTheReference() {
        String ref = reference();
        String id = file(RITA, "acme", ref).statusCode(201).extract().path("id");
        comment(RITA, id, "More logs", "PUBLIC").statusCode(201);
        List<ConsumerRecord<String, String>> records = EventTap.awaitAll("casework.case-events",
                r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : records) {
            assertEquals(ref, EventContract.assertConforms(r.value()).path("data").path("externalId").asText());
        }
        String plain = io.casework.cases.CaseApi.file(ALICE, "P4");
        var opened = EventTap.awaitAll("casework.case-events", r -> plain.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(true, EventContract.assertConforms(opened.getFirst().value()).path("data").path("externalId").isNull());
    }

    private static String reference() {
        return "INC-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String body(String organization, String externalId) {
        return """
                {%s"product": "Cloud Mail", "subject": "Synced from the partner's desk", "description": "x",
                 "priority": "P3", "contactEmail": "alice@acme.example", "externalId": "%s"}"""
                .formatted(organization == null ? "" : "\"organization\": \"" + organization + "\", ", externalId);
    }

    private static ValidatableResponse file(String token, String organization, String externalId) {
        return as(token).body(body(organization, externalId)).post("/api/v1/cases").then();
    }

    private static ValidatableResponse lookup(String token, String externalId) {
        return as(token).queryParam("externalId", externalId).get("/api/v1/cases").then();
    }

    private static long casesWith(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> Case.count("externalId", externalId));
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u%04x".formatted((int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
