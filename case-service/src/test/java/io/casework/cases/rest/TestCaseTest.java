package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.as;
import static io.casework.cases.CaseApi.etag;
import static io.casework.cases.CaseApi.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Sandbox cases (issue 19, Google's testCase): flagged at filing, fixed afterwards, filterable, carried in events. */
@QuarkusTest
class TestCaseTest {

    @Test
    void partnerFilesATestCaseThatIsReturnedAndFilterable() {
        String product = "Sandbox " + UUID.randomUUID().toString().substring(0, 8);
        String test = file(RITA, product, "true").statusCode(201).body("testCase", equalTo(true)).extract().path("id");
        String real = file(RITA, product, null).statusCode(201).body("testCase", equalTo(false)).extract().path("id");
        String explicitlyReal = file(RITA, product, "false").statusCode(201).body("testCase", equalTo(false))
                .extract().path("id");
        get(ALICE, test).statusCode(200).body("testCase", equalTo(true));
        get(SAM, real).statusCode(200).body("testCase", equalTo(false));

        for (String token : List.of(RITA, ALICE, SAM)) {
            list(token, product, "true").statusCode(200).body("items.id", contains(test))
                    .body("items[0].testCase", equalTo(true));
            list(token, product, "false").statusCode(200).body("items.id", contains(explicitlyReal, real));
            list(token, product, null).statusCode(200).body("items.id", contains(explicitlyReal, real, test));
        }
        for (String bad : List.of("yes", "TRUE", "1")) {
            list(RITA, product, bad).statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("testCase"));
        }
        for (String bad : List.of("\"true\"", "1", "\"yes\"")) {
            file(RITA, product, bad).statusCode(400).contentType(startsWith("application/problem+json"));
        }
        list(RITA, product, null).body("items.id", contains(explicitlyReal, real, test)); // nothing more was filed
    }

    @Test
    void aCaseCannotBecomeOrStopBeingATestCase() {
        String product = "Sandbox " + UUID.randomUUID().toString().substring(0, 8);
        String test = file(RITA, product, "true").statusCode(201).extract().path("id");
        String real = file(ALICE, product, null).statusCode(201).extract().path("id");
        for (String[] change : List.of(new String[] { test, "false" }, new String[] { real, "true" },
                new String[] { test, "true" })) {
            String id = change[0];
            String tag = etag(ALICE, id);
            as(ALICE).contentType("application/merge-patch+json").header("If-Match", tag)
                    .body("{\"subject\": \"Renamed\", \"testCase\": " + change[1] + "}").patch("/api/v1/cases/" + id)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("testCase is fixed"));
            assertEquals(tag, etag(ALICE, id), "nothing changed");
        }
        get(ALICE, test).body("testCase", equalTo(true)).body("subject", equalTo("Sandbox filing"));
        get(ALICE, real).body("testCase", equalTo(false));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherTestCaseFlagIsRefused() {
        String product = "Sandbox " + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String first = as(RITA).header("Idempotency-Key", key).body(body(product, "true")).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        as(RITA).header("Idempotency-Key", key).body(body(product, "true")).post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first)).body("testCase", equalTo(true));
        as(RITA).header("Idempotency-Key", key).body(body(product, null)).post("/api/v1/cases").then().statusCode(422);
        // false is the default: the same key with or without an explicit false is the same request
        String key2 = UUID.randomUUID().toString();
        String second = as(RITA).header("Idempotency-Key", key2).body(body(product, null)).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        as(RITA).header("Idempotency-Key", key2).body(body(product, "false")).post("/api/v1/cases").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(second));
    }

    @Test
    void caseEventsCarryTheFlag() {
        String product = "Sandbox " + UUID.randomUUID().toString().substring(0, 8);
        String test = file(RITA, product, "true").statusCode(201).extract().path("id");
        io.casework.cases.CaseApi.comment(RITA, test, "More logs", "PUBLIC").statusCode(201);
        List<ConsumerRecord<String, String>> records = EventTap.awaitAll("casework.case-events",
                r -> test.equals(r.key()), 2, Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> r : records) {
            assertEquals(true, EventContract.assertConforms(r.value()).path("data").path("testCase").asBoolean(false));
        }
        String real = file(ALICE, product, null).statusCode(201).extract().path("id");
        var opened = EventTap.awaitAll("casework.case-events", r -> real.equals(r.key()), 1, Duration.ofSeconds(30));
        var data = EventContract.assertConforms(opened.getFirst().value()).path("data");
        assertEquals(true, data.path("testCase").isBoolean());
        assertEquals(false, data.path("testCase").asBoolean(true));
    }

    static String body(String product, String testCase) {
        return """
                {"organization": "acme", "product": "%s", "subject": "Sandbox filing", "description": "x",
                 "priority": "P1", "contactEmail": "alice@acme.example"%s}"""
                .formatted(product, testCase == null ? "" : ", \"testCase\": " + testCase);
    }

    private static ValidatableResponse file(String token, String product, String testCase) {
        return as(token).body(body(product, testCase)).post("/api/v1/cases").then();
    }

    private static ValidatableResponse list(String token, String product, String testCase) {
        var request = as(token).queryParam("product", product);
        if (testCase != null) {
            request.queryParam("testCase", testCase);
        }
        return request.get("/api/v1/cases").then();
    }
}
