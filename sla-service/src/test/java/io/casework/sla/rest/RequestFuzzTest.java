package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.casework.testsupport.fuzz.RequestFuzzer;
import io.casework.testsupport.fuzz.TableCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Generated hostile requests against every operation: no 5xx, every refusal problem+json, and a refused write leaves
 * the database as it was (see {@link RequestFuzzer}).
 */
@QuarkusTest
class RequestFuzzTest {

    @TestHTTPResource("/")
    URI base;

    static final String ADMIN = Tokens.of("ada@casework.example", "casework", "admin");

    @Test
    void bodyOfTheWrongShapeIsAProblem() {
        // found by the fuzzer: Quarkus's own mapper answered these with its JSON, or an empty body at the root
        given().auth().oauth2(ADMIN).contentType("application/json").body("\"x\"")
                .post("/api/v1/sla/priority-suggestions").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"serviceUsable\": [1]}")
                .post("/api/v1/sla/priority-suggestions").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("field", equalTo("serviceUsable"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("[".repeat(2000) + "]".repeat(2000))
                .put("/api/v1/sla/plans/premier").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void failedIfMatchOnARead412sAsAProblem() {
        // found by the fuzzer: JAX-RS builds the 412 of evaluatePreconditions without a body
        given().auth().oauth2(ADMIN).header("If-Match", "\"no-such-tag\"").get("/api/v1/sla/plans").then()
                .statusCode(412).contentType(startsWith("application/problem+json")).body("status", equalTo(412));
        given().auth().oauth2(ADMIN).header("If-Match", "\"").get("/api/v1/sla/plans/premier").then()
                .statusCode(412).contentType(startsWith("application/problem+json"));
    }

    @Test
    void hostileRequestsAreRefusedCleanly() {
        try (TableCounts database = TableCounts.ofTestDatasource()) {
            RequestFuzzer.Report report = RequestFuzzer.against(base)
                    .token("admin", Tokens.of("fuzz-admin@casework.example", "casework", "admin"))
                    .token("ops", Tokens.of("fuzz-ops@casework.example", "casework", "ops"))
                    .token("agent", Tokens.of("fuzz-agent@casework.example", "casework", "agent"))
                    .token("customer", Tokens.of("fuzz-customer@acme.example", "acme", "customer", "customer-admin"))
                    .pathValues(SlaFuzzValues::path)
                    .database(database)
                    .requests(2500)
                    .run();
            System.out.println(report.summary());
            report.assertNoFailures();
        }
    }
}
