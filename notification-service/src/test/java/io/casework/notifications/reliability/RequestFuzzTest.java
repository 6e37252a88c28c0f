package io.casework.notifications.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.casework.testsupport.fuzz.RequestFuzzer;
import io.casework.testsupport.fuzz.TableCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Generated hostile requests against every operation: no 5xx, every refusal problem+json, and a refused write leaves
 * the database as it was (see {@link RequestFuzzer}).
 */
@QuarkusTest
class RequestFuzzTest {

    // identities of the fuzz test's own: accepted writes (preferences, webhooks) disturb no other test
    static final String RITA = Tokens.of("rita@fuzzpartner.example", "fuzzpartner", "partner");
    static final String OTTO = Tokens.of("fuzz-ops@casework.example", "casework", "ops");
    static final String ROOT = Tokens.of("fuzz-admin@casework.example", "casework", "admin");
    static final String SAM = Tokens.of("fuzz-agent@casework.example", "casework", "agent");
    static final String ALICE = Tokens.of("fuzz-customer@acme.example", "acme", "customer", "customer-admin");

    @TestHTTPResource("/")
    URI base;

    @Test
    void bodyOfTheWrongShapeOrWithNulIsAProblem() {
        given().auth().oauth2(RITA).contentType(ContentType.JSON).body("\"x\"").post("/api/v1/notifications/webhooks")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(RITA).contentType(ContentType.JSON)
                .body(Map.of("url", "https://nul.example/hook", "description", "a\u0000b"))
                .post("/api/v1/notifications/webhooks").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(RITA).urlEncodingEnabled(false).get("/api/v1/notifications/webhooks/a%00b").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void hostileRequestsAreRefusedCleanly() {
        String webhookId = given().auth().oauth2(RITA).contentType(ContentType.JSON)
                .body(Map.of("url", "https://fuzzpartner.example/hook", "description", "fuzz"))
                .post("/api/v1/notifications/webhooks").then().statusCode(201).extract().path("id");
        String other = UUID.randomUUID().toString();
        try (TableCounts database = TableCounts.ofTestDatasource()) {
            RequestFuzzer.Report report = RequestFuzzer.against(base)
                    .token("partner", RITA)
                    .token("ops", OTTO)
                    .token("admin", ROOT)
                    .token("agent", SAM)
                    .token("customer", ALICE)
                    .pathValues((op, name) -> op.path().contains("/webhooks/") ? webhookId : other)
                    .database(database)
                    .requests(2000)
                    .run();
            System.out.println(report.summary());
            report.assertNoFailures();
        }
    }
}
