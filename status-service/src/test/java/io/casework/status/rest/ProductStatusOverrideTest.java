package io.casework.status.rest;

import static io.casework.status.rest.StatusFixtures.BOB;
import static io.casework.status.rest.StatusFixtures.OLGA;
import static io.casework.status.rest.StatusFixtures.SAM;
import static io.casework.status.rest.StatusFixtures.newProduct;
import static io.casework.status.rest.StatusFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.status.domain.Product;
import io.casework.status.messaging.event.ProductStatusChanged;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Each test overrides a product of its own: the shared catalogue's status stays what the other tests expect. */
@QuarkusTest
class ProductStatusOverrideTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VERIFYING = "Mail delivery is being verified after the relay replacement";

    @Test
    void overrideIsShownEverywhereAndAnnouncedOnKafka() {
        String product = newProduct("Override");
        Instant until = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);

        override(product, OLGA, """
                {"status": "DEGRADED", "reason": "%s", "until": "%s"}
                """.formatted(VERIFYING, until))
                .then().statusCode(200)
                .body("id", equalTo(product))
                .body("status", equalTo("DEGRADED"))
                .body("computedStatus", equalTo("OPERATIONAL"))
                .body("override.reason", equalTo(VERIFYING))
                .body("override.until", equalTo(until.toString()))
                .body("override", not(hasKey("by")));

        given().get("/api/v1/status/products").then().statusCode(200)
                .body(entry(product) + ".status", equalTo("DEGRADED"))
                .body(entry(product) + ".computedStatus", equalTo("OPERATIONAL"))
                .body(entry(product) + ".override.reason", equalTo(VERIFYING));
        JsonPath json = given().get("/api/v1/status/summary.json").then().statusCode(200).extract().jsonPath();
        assertEquals("DEGRADED", json.getString("products." + entry(product) + ".status"));
        assertEquals(VERIFYING, json.getString("products." + entry(product) + ".override.reason"));
        assertEquals(until.toString(), json.getString("products." + entry(product) + ".override.until"));
        String row = productRow(product);
        assertTrue(row.contains("Degraded") && row.contains(VERIFYING) && row.contains("until"), row);

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> product.equals(r.key()) && r.value().contains(ProductStatusChanged.TYPE), Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals(product, event.path("subject").asText());
        JsonNode data = event.path("data");
        assertEquals("DEGRADED", data.path("status").asText());
        assertEquals("OPERATIONAL", data.path("previousStatus").asText());
        assertEquals("OPERATIONAL", data.path("computedStatus").asText());
        assertEquals("DEGRADED", data.path("override").path("status").asText());
        assertEquals(VERIFYING, data.path("override").path("reason").asText());
        assertEquals(until, Instant.parse(data.path("override").path("until").asText()));
        assertEquals("olga@casework.example", data.path("override").path("by").asText());
    }

    @Test
    void incidentOnAnOverriddenProductChangesOnlyItsComputedStatusUntilTheOverrideEnds() {
        String product = newProduct("Pinned");
        override(product, OLGA, """
                {"status": "DEGRADED", "reason": "Partial recovery, still verifying"}
                """).then().statusCode(200).body("override.until", nullValue());

        publish("Total outage on a pinned product", product, "CRITICAL", "");
        given().get("/api/v1/status/products").then()
                .body(entry(product) + ".status", equalTo("DEGRADED"))
                .body(entry(product) + ".computedStatus", equalTo("MAJOR_OUTAGE"))
                .body(entry(product) + ".override.reason", equalTo("Partial recovery, still verifying"));
        assertEquals("DEGRADED", given().get("/api/v1/status/summary.json").jsonPath()
                .getString("products." + entry(product) + ".status"));
        assertEquals(1, statusEvents(product), "the incident left the shown status alone: nothing announced");

        given().auth().oauth2(OLGA).delete(overridePath(product)).then().statusCode(204);

        given().get("/api/v1/status/products").then()
                .body(entry(product) + ".status", equalTo("MAJOR_OUTAGE"))
                .body(entry(product) + ".override", nullValue());
        JsonPath json = given().get("/api/v1/status/summary.json").jsonPath();
        assertEquals("MAJOR_OUTAGE", json.getString("products." + entry(product) + ".status"));
        assertNull(json.get("products." + entry(product) + ".override"));
        assertTrue(productRow(product).contains("Major outage"));
        assertEquals(2, statusEvents(product));

        JsonNode data = EventContract.assertConforms(statusChange(product, "DEGRADED").value()).path("data");
        assertEquals("MAJOR_OUTAGE", data.path("status").asText());
        assertTrue(data.path("override").isNull());

        given().auth().oauth2(OLGA).delete(overridePath(product)).then().statusCode(204);
        assertEquals(2, statusEvents(product), "ending no override announces nothing");
    }

    @Test
    void overrideLapsesAtItsUntil() {
        String product = newProduct("Lapsing");
        publish("Slow search", product, "LOW", "");
        Instant until = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        override(product, OLGA, """
                {"status": "UNDER_MAINTENANCE", "reason": "Index rebuild", "until": "%s"}
                """.formatted(until)).then().statusCode(200).body("status", equalTo("UNDER_MAINTENANCE"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/status/products").then()
                .body(entry(product) + ".status", equalTo("DEGRADED"))
                .body(entry(product) + ".override", nullValue()));
        assertFalse(Instant.now().isBefore(until), "lapsed only once its until passed");

        JsonNode data = EventContract.assertConforms(statusChange(product, "UNDER_MAINTENANCE").value()).path("data");
        assertEquals("DEGRADED", data.path("status").asText());
        assertTrue(data.path("override").isNull());
        assertEquals(until, Instant.parse(data.path("changedAt").asText()), "it lapsed at its until");

        Product stored = QuarkusTransaction.requiringNew().call(() -> Product.<Product>findById(product));
        assertNull(stored.overrideStatus);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonPath json = given().get("/api/v1/status/summary.json").jsonPath();
            assertEquals("DEGRADED", json.getString("products." + entry(product) + ".status"));
            assertNull(json.get("products." + entry(product) + ".override"));
        });
        assertFalse(productRow(product).contains("Index rebuild"));
    }

    @Test
    void overridingNeedsAToken() {
        String product = newProduct("Secured");
        given().contentType(ContentType.JSON).body("{\"status\": \"DEGRADED\", \"reason\": \"x\"}")
                .put(overridePath(product))
                .then().statusCode(401).contentType("application/problem+json");
        given().delete(overridePath(product)).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void onlyStatusPublishersOverride() {
        String product = newProduct("Secured");
        for (String token : new String[] { BOB, SAM }) {
            override(product, token, "{\"status\": \"MAJOR_OUTAGE\", \"reason\": \"Looks down to me\"}")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).delete(overridePath(product))
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().get("/api/v1/status/products").then().body(entry(product) + ".status", equalTo("OPERATIONAL"));
    }

    @Test
    void unknownProductIsNotFound() {
        override("no-such-product", OLGA, "{\"status\": \"DEGRADED\", \"reason\": \"Checking\"}")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-product"));
        given().auth().oauth2(OLGA).delete(overridePath("no-such-product"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidOverrideIsRejectedAndChangesNothing() {
        String product = newProduct("Invalid");
        override(product, OLGA, "{\"status\": \"DEGRADED_PERFORMANCE\", \"reason\": \"Slow\"}")
                .then().statusCode(400).contentType("application/problem+json");
        override(product, OLGA, "{\"status\": \"DEGRADED\", \"reason\": \" \", \"until\": \"2020-01-01T00:00:00Z\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("reason")))
                .body("violations.field", hasItem(containsString("until")));
        override(product, OLGA, "{\"status\": \"DEGRADED\", \"reason\": \"%s\"}".formatted("x".repeat(2001)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("reason")));
        override(product, OLGA, "{\"reason\": \"No status\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("status")));
        override(product, OLGA, "{\"status\": \"DEGRADED\", \"reason\": \"Slow\", \"colour\": \"amber\"}")
                .then().statusCode(400).contentType("application/problem+json");
        // ISO 8601 allows years PostgreSQL cannot store (found by RequestFuzzTest: it was a 500)
        override(product, OLGA, "{\"status\": \"DEGRADED\", \"reason\": \"Slow\", \"until\": \"+999999999-12-31T23:59:59Z\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("years 1 to 9999"));
        override(product, OLGA, "{\"status\": \"DEGRADED\", \"reason\": \"Slow\", \"until\": \"+10000-01-01T00:00:00Z\"}")
                .then().statusCode(400).contentType("application/problem+json");

        given().get("/api/v1/status/products").then()
                .body(entry(product) + ".status", equalTo("OPERATIONAL"))
                .body(entry(product) + ".override", nullValue());
        assertEquals(0, statusEvents(product));
    }

    private static Response override(String product, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(overridePath(product));
    }

    private static String overridePath(String product) {
        return "/api/v1/status/products/" + product + "/status-override";
    }

    private static String entry(String product) {
        return "find { it.id == '%s' }".formatted(product);
    }

    /** The product's row on the status page. */
    private static String productRow(String product) {
        String page = given().get("/status").then().statusCode(200).extract().asString();
        int start = page.indexOf("<li id=\"product-" + product + "\">");
        assertTrue(start >= 0, "the page lists " + product);
        return page.substring(start, page.indexOf("</li>", start));
    }

    /** The product-status-changed of the product on Kafka that changed it from {@code previousStatus}. */
    private static ConsumerRecord<String, String> statusChange(String product, String previousStatus) {
        return EventTap.await("casework.status-events", r -> product.equals(r.key())
                && r.value().contains(ProductStatusChanged.TYPE)
                && previousStatus.equals(read(r.value()).path("data").path("previousStatus").asText()),
                Duration.ofSeconds(30));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** product-status-changed events written for the product (the outbox is written with the change). */
    private static long statusEvents(String product) {
        return QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("aggregateId = ?1 and type = ?2", product, ProductStatusChanged.TYPE));
    }
}
