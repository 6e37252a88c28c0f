package io.casework.status.rest;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;

import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Publishing through the API, as the tests of the public views need it. */
final class StatusFixtures {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");
    static final String CAROL = Tokens.of("carol@globex.example", "globex", "customer");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");

    private StatusFixtures() {
    }

    /** Publishes an incident; {@code extraJson} is inserted as more members, e.g. {@code "visibility": "CUSTOMERS",}. */
    static String publish(String title, String product, String severity, String extraJson) {
        return given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body("""
                        {%s "title": "%s", "severity": "%s", "affectedProducts": ["%s"], "regions": ["EMEA"],
                         "message": "Investigating %s."}
                        """.formatted(extraJson, title.replace("\"", "\\\""), severity, product, product))
                .post("/api/v1/status/incidents").then().statusCode(201).extract().path("id");
    }

    static String publish(String title, String product) {
        return publish(title, product, "LOW", "");
    }

    /** A catalogue product of the test's own, for assertions on a product's status that other tests cannot disturb. */
    static String newProduct(String name) {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.id = id;
            product.name = name + " " + id;
            product.status = ProductStatus.OPERATIONAL;
            product.computedStatus = ProductStatus.OPERATIONAL;
            product.updatedAt = Instant.now();
            product.persist();
        });
        return id;
    }

    static void update(String id, String state, String message) {
        String etag = given().auth().oauth2(OLGA).get("/api/v1/status/incidents/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"state\": \"%s\", \"message\": \"%s\"}".formatted(state, message))
                .post("/api/v1/status/incidents/" + id + "/updates").then().statusCode(200);
    }
}
