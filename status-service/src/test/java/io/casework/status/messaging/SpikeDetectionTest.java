package io.casework.status.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.status.domain.CaseRate;
import io.casework.status.domain.CaseSpike;
import io.casework.status.domain.Product;
import io.casework.status.domain.ProductStatus;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SpikeDetectionTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");

    @Test
    void aSpikeIsFlaggedOnceWithADraftIncidentThatAPublisherCanPublish() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String product = newProduct(hour, List.of(2, 3, 1, 2));

        sendCases(product, hour, 12);

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> product.equals(r.key()) && r.value().contains("spike-detected"), Duration.ofSeconds(30));
        JsonNode event = EventContract.assertConforms(record.value());
        JsonNode data = event.path("data");
        assertEquals(product, data.path("product").asText());
        assertEquals(hour.toString(), Instant.parse(data.path("hourStart").asText()).toString());
        assertEquals(10, data.path("cases").asInt(), "flagged as soon as the count reached the threshold");
        assertEquals(2.0, data.path("mean").asDouble(), 1e-9);
        assertEquals(4, data.path("weeksCompared").asInt());
        String draft = data.path("draftIncidentId").asText();

        // Two more cases in the same hour: counted, but the hour is flagged once.
        await().atMost(Duration.ofSeconds(20)).until(() -> count(product, hour) == 12);
        long spikes = QuarkusTransaction.requiringNew().call(() -> CaseSpike.count("product", product));
        assertEquals(1, spikes);

        given().auth().oauth2(OLGA).get("/api/v1/status/incidents/" + draft).then().statusCode(200)
                .body("draft", equalTo(true))
                .body("affectedProducts.id", equalTo(List.of(product)))
                .body("updates", equalTo(List.of()));
        given().get("/api/v1/status/incidents/" + draft).then().statusCode(404);
        given().auth().oauth2(Tokens.of("bob@acme.example", "acme", "customer"))
                .get("/api/v1/status/incidents").then().body("id", not(hasItem(draft)));
        given().get("/api/v1/status/summary.json").then().body("incidents.id", not(hasItem(draft)));
        assertEquals("OPERATIONAL", productStatus(product), "a draft does not change the product's status");

        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"severity\": \"HIGH\", \"message\": \"We are investigating failed uploads.\"}")
                .post("/api/v1/status/incidents/" + draft + "/publication")
                .then().statusCode(200)
                .body("draft", equalTo(false))
                .body("state", equalTo("INVESTIGATING"))
                .body("impact", equalTo("OUTAGE"))
                .body("begin", equalTo(hour.toString()))
                .body("updates[0].message", equalTo("We are investigating failed uploads."));
        given().get("/api/v1/status/summary.json").then().body("incidents.id", hasItem(draft));
        assertEquals("PARTIAL_OUTAGE", productStatus(product));
        ConsumerRecord<String, String> published = EventTap.await("casework.status-events",
                r -> draft.equals(r.key()) && r.value().contains("incident-published"), Duration.ofSeconds(20));
        EventContract.assertConforms(published.value());

        given().auth().oauth2(OLGA).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"message\": \"Again.\"}")
                .post("/api/v1/status/incidents/" + draft + "/publication").then().statusCode(409);
    }

    @Test
    void normalVariationRaisesNothing() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String product = newProduct(hour, List.of(20, 23, 18, 21));

        sendCases(product, hour, 26);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(product, hour) == 26);
        assertNull(QuarkusTransaction.requiringNew().call(() -> CaseSpike.find("product", product).firstResult()));
    }

    @Test
    void aSpikeOnAProductOutsideTheCatalogueIsFlaggedWithoutDraft() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String product = "Fax Gateway " + UUID.randomUUID();

        sendCases(product, hour, 10);

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> product.equals(r.key()) && r.value().contains("spike-detected"), Duration.ofSeconds(30));
        JsonNode data = EventContract.assertConforms(record.value()).path("data");
        assertFalse(data.hasNonNull("draftIncidentId"));
        assertNotNull(data.path("threshold"));
    }

    /** A catalogue product of its own, with these case counts at the same hour of the previous weeks. */
    @Test
    void testCasesAreNotCountedAndFlagNoSpike() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String product = newProduct(hour, List.of(2, 3, 1, 2));

        sendCases(product, hour, 12, true); // a partner testing its integration: 12 would be a spike
        sendCases(product, hour, 1, false); // same key: counted after the test cases were handled

        await().atMost(Duration.ofSeconds(20)).until(() -> count(product, hour) == 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CaseSpike.count("product", product)));
        given().auth().oauth2(OLGA).queryParam("product", product).get("/api/v1/status/case-rates").then()
                .statusCode(200).body("[0].total", equalTo(1));
    }

    static String newProduct(Instant hour, List<Integer> previousWeeks) {
        String id = "spike-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Product product = new Product();
            product.id = id;
            product.name = "Product " + id;
            product.status = ProductStatus.OPERATIONAL;
            product.computedStatus = ProductStatus.OPERATIONAL;
            product.updatedAt = Instant.now();
            product.persist();
            for (int week = 1; week <= previousWeeks.size(); week++) {
                CaseRate rate = new CaseRate();
                rate.product = id;
                rate.hourStart = hour.minus(Duration.ofDays(7L * week));
                rate.cases = previousWeeks.get(week - 1);
                rate.persist();
            }
        });
        return id;
    }

    static void sendCases(String product, Instant hour, int cases) {
        sendCases(product, hour, cases, false);
    }

    static void sendCases(String product, Instant hour, int cases, boolean testCases) {
        for (int i = 0; i < cases; i++) {
            String caseId = UUID.randomUUID().toString();
            Instant at = hour.plusSeconds(60 + i);
            String event = """
                    {"specversion": "1.0", "id": "%s", "source": "/casework/case-service",
                     "type": "io.casework.case.opened", "subject": "%s", "time": "%s",
                     "datacontenttype": "application/json",
                     "data": {"caseId": "%s", "number": "C-2026-000044", "organization": "acme", "product": "%s",
                              "subject": "Uploads fail", "priority": "P2", "state": "NEW",
                              "creator": "alice@acme.example", "contactEmail": "alice@acme.example", "ccEmails": [],
                              "language": "en", "channel": "PORTAL", "escalated": false, "relatedCaseIds": [],
                              "createdAt": "%s"%s}}
                    """.formatted(UUID.randomUUID(), caseId, at, caseId, product, at, testCases ? ", \"testCase\": true" : "");
            EventContract.assertConforms(event);
            // One key per product: its cases are counted in order.
            EventTap.send("casework.case-events", product, event);
        }
    }

    static int count(String product, Instant hour) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseRate rate = CaseRate.findById(new CaseRate.Key(product, hour));
            return rate == null ? 0 : rate.cases;
        });
    }

    static String productStatus(String product) {
        return given().get("/api/v1/status/products").then().statusCode(200)
                .extract().path("find { it.id == '%s' }.status".formatted(product));
    }
}
