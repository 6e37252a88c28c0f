package io.casework.status.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;
import io.casework.testsupport.Tokens;
import io.casework.testsupport.fuzz.RequestFuzzer;
import io.casework.testsupport.fuzz.TableCounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Generated hostile requests against every operation: no 5xx, every refusal problem+json, and a refused write leaves
 * the database as it was (see {@link RequestFuzzer}).
 */
@QuarkusTest
class RequestFuzzTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");

    @TestHTTPResource("/")
    URI base;

    @Test
    void bodyOfTheWrongShapeOrWithNulIsAProblem() {
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body("\"x\"").post("/api/v1/status/incidents")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("{\"title\": \"a\\u0000b\", \"severity\": \"LOW\", \"affectedProducts\": [\"cloud-mail\"], "
                        + "\"regions\": [\"EMEA\"], \"message\": \"m\"}")
                .post("/api/v1/status/incidents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().urlEncodingEnabled(false).get("/api/v1/status/products/a%00b/feed.atom").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void hostileRequestsAreRefusedCleanly() {
        String incident = given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("{\"title\": \"Fuzz target\", \"severity\": \"LOW\", \"affectedProducts\": [\"cloud-drive\"], "
                        + "\"regions\": [\"EMEA\"], \"message\": \"Investigating.\"}")
                .post("/api/v1/status/incidents").then().statusCode(201).extract().path("id");
        // a product of its own: an accepted status override disturbs no other test
        String product = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Product entity = new Product();
            entity.id = product;
            entity.name = "Fuzz " + product;
            entity.status = ProductStatus.OPERATIONAL;
            entity.computedStatus = ProductStatus.OPERATIONAL;
            entity.updatedAt = Instant.now();
            entity.persist();
        });
        try (TableCounts database = TableCounts.ofTestDatasource()) {
            RequestFuzzer.Report report = RequestFuzzer.against(base)
                    .token("status-publisher", Tokens.of("fuzz-publisher@casework.example", "casework", "status-publisher"))
                    .token("ops", Tokens.of("fuzz-ops@casework.example", "casework", "ops"))
                    .token("agent", Tokens.of("fuzz-agent@casework.example", "casework", "agent"))
                    .token("customer", Tokens.of("fuzz-customer@acme.example", "acme", "customer", "customer-admin"))
                    .pathValues((op, name) -> op.path().contains("/products/") ? product : incident)
                    // server-sent events never end (its OpenAPI entry does not say text/event-stream)
                    .skip(op -> op.path().endsWith("/stream"))
                    .database(database)
                    .requests(2500)
                    .run();
            System.out.println(report.summary());
            report.assertNoFailures();
        }
    }
}
