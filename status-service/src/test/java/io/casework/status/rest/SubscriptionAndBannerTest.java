package io.casework.status.rest;


import static io.casework.status.rest.StatusFixtures.publish;
import static io.casework.status.rest.StatusFixtures.update;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.messaging.outbox.OutboxEvent;
import io.casework.status.domain.IncidentSubscription;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SubscriptionAndBannerTest {

    @Test
    void meTooIsRecordedOnceAndSendsOneConformingEvent() {
        String email = "dana-" + UUID.randomUUID() + "@acme.example";
        String token = Tokens.of(email, "acme", "customer");
        String id = publish("Me too " + UUID.randomUUID(), "cloud-mail", "HIGH", "\"summary\": \"Mail is slow.\",");

        given().auth().oauth2(token).post("/api/v1/status/incidents/" + id + "/subscriptions").then().statusCode(201)
                .header("Location", containsString("/api/v1/status/incidents/" + id + "/subscriptions/me"))
                .body("email", equalTo(email))
                .body("organization", equalTo("acme"));
        given().auth().oauth2(token).post("/api/v1/status/incidents/" + id + "/subscriptions").then().statusCode(200)
                .body("email", equalTo(email));
        given().auth().oauth2(token).get("/api/v1/status/incidents/" + id + "/subscriptions/me").then().statusCode(200);

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> id.equals(r.key()) && r.value().contains("subscription-added"), Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        JsonNode data = event.path("data");
        assertEquals("io.casework.status.subscription-added", event.path("type").asText());
        assertEquals(id, data.path("incidentId").asText());
        assertEquals(email, data.path("subscriberEmail").asText());
        assertEquals("acme", data.path("subscriberOrganization").asText());
        assertEquals("OUTAGE", data.path("impact").asText());
        assertEquals("HIGH", data.path("severity").asText());
        assertEquals("cloud-mail", data.path("affectedProducts").path(0).asText());
        assertEquals(1, outboxCount(id, "io.casework.status.subscription-added"), "pressing twice sends one event");
        long rows = QuarkusTransaction.requiringNew().call(() -> IncidentSubscription.count("incidentId", UUID.fromString(id)));
        assertEquals(1, rows);
    }

    @Test
    void leavingSendsOneEventAndIsIdempotent() {
        String email = "erin-" + UUID.randomUUID() + "@acme.example";
        String token = Tokens.of(email, "acme", "customer");
        String id = publish("Leave " + UUID.randomUUID(), "cloud-drive");
        given().auth().oauth2(token).post("/api/v1/status/incidents/" + id + "/subscriptions").then().statusCode(201);

        given().auth().oauth2(token).delete("/api/v1/status/incidents/" + id + "/subscriptions/me").then().statusCode(204);
        given().auth().oauth2(token).delete("/api/v1/status/incidents/" + id + "/subscriptions/me").then().statusCode(204);
        given().auth().oauth2(token).get("/api/v1/status/incidents/" + id + "/subscriptions/me").then().statusCode(404);

        ConsumerRecord<String, String> record = EventTap.await("casework.status-events",
                r -> id.equals(r.key()) && r.value().contains("subscription-removed"), Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals(email, event.path("data").path("subscriberEmail").asText());
        assertEquals(1, outboxCount(id, "io.casework.status.subscription-removed"));
    }

    @Test
    void onlyCustomersSubscribeAndOnlyToOpenPublishedIssues() {
        String id = publish("Who subscribes " + UUID.randomUUID(), "identity");
        given().post("/api/v1/status/incidents/" + id + "/subscriptions").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(StatusFixtures.SAM).post("/api/v1/status/incidents/" + id + "/subscriptions").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(StatusFixtures.CAROL).post("/api/v1/status/incidents/" + UUID.randomUUID() + "/subscriptions")
                .then().statusCode(404).contentType("application/problem+json");

        update(id, "RESOLVED", "Fixed.");
        given().auth().oauth2(StatusFixtures.CAROL).post("/api/v1/status/incidents/" + id + "/subscriptions").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void bannerShowsOpenIssuesOnTheProductsOfTheUsersOrganizationAndSubscriptions() {
        String organization = "initech-" + UUID.randomUUID();
        String token = Tokens.of("peter@" + organization + ".example", organization, "customer");
        String mail = publish("Banner mail " + UUID.randomUUID(), "cloud-mail", "MEDIUM", "\"visibility\": \"CUSTOMERS\",");
        String identity = publish("Banner identity " + UUID.randomUUID(), "identity");

        given().auth().oauth2(token).get("/api/v1/status/banner").then().statusCode(200)
                .body("issues.id", not(hasItem(mail)));

        // The organization files a case about Cloud Mail: from now on its banner watches that product.
        EventTap.send("casework.case-events", organization, caseOpened(organization, "Cloud Mail"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/status/banner").then().statusCode(200)
                .body("products", hasItem("cloud-mail"))
                .body("issues.id", hasItem(mail))
                .body("issues.id", not(hasItem(identity)))
                .body("issues.find { it.id == '%s' }.latestUpdate".formatted(mail), equalTo("Investigating cloud-mail."))
                .body("issues.find { it.id == '%s' }.subscribed".formatted(mail), equalTo(false)));

        given().auth().oauth2(token).post("/api/v1/status/incidents/" + identity + "/subscriptions").then().statusCode(201);
        given().auth().oauth2(token).get("/api/v1/status/banner").then().statusCode(200)
                .body("issues.find { it.id == '%s' }.subscribed".formatted(identity), equalTo(true));

        update(mail, "RESOLVED", "Fixed.");
        given().auth().oauth2(token).get("/api/v1/status/banner").then().statusCode(200)
                .body("issues.id", not(hasItem(mail)));
        given().get("/api/v1/status/banner").then().statusCode(401).contentType("application/problem+json");
    }

    static long outboxCount(String aggregateId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId = ?1 and type = ?2", aggregateId, type));
    }

    static String caseOpened(String organization, String product) {
        String caseId = UUID.randomUUID().toString();
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/casework/case-service",
                 "type": "io.casework.case.opened", "subject": "%s", "time": "%s",
                 "datacontenttype": "application/json",
                 "data": {"caseId": "%s", "number": "C-2026-000043", "organization": "%s", "product": "%s",
                          "subject": "Mail bounces", "priority": "P3", "state": "NEW",
                          "creator": "peter@initech.example", "contactEmail": "peter@initech.example", "ccEmails": [],
                          "language": "en", "channel": "PORTAL", "escalated": false, "relatedCaseIds": [],
                          "createdAt": "%s"}}
                """.formatted(UUID.randomUUID(), caseId, Instant.now(), caseId, organization, product, Instant.now());
        EventContract.assertConforms(event);
        return event;
    }

}
