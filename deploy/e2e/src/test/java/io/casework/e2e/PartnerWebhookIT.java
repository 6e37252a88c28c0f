package io.casework.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A partner tries webhooks on the demo stack as docs/notifications.md tells it to: resellco registers a webhook to
 * a receiver on this machine (the stack allows private destinations), files a case for its client acme, and the
 * delivery arrives and verifies with the official Standard Webhooks library. acme and resellco come from
 * case-service's migrations, not from the API: notification-service knows that resellco manages acme only from the
 * io.casework.org.announced event of migration V9.
 */
class PartnerWebhookIT {

    record Request(Map<String, List<String>> headers, String body) {
    }

    @Test
    void resellcosWebhookReceivesTheCaseItFiledForAcmeSignedAsTheOfficialLibraryVerifies() throws IOException {
        List<Request> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> answer(exchange, received));
        receiver.start();
        String rita = Stack.token("rita@resellco.example");
        String webhookId = null;
        try {
            var registered = given().auth().oauth2(rita).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                            "eventTypes", List.of("io.casework.case.opened"), "description", "PartnerWebhookIT"))
                    .post(Stack.GATEWAY + "/api/v1/notifications/webhooks")
                    .then().statusCode(201)
                    .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                    .extract();
            webhookId = registered.path("id");
            String secret = registered.path("secret");

            String partner = Stack.clientToken("partner-resellco", "partner-resellco-secret");
            String caseId = given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("""
                            {"organization": "acme", "contactEmail": "alice@acme.example", "product": "Cloud Mail",
                             "subject": "Webhook check", "description": "Filed by PartnerWebhookIT", "priority": "P3"}""")
                    .post(Stack.GATEWAY + "/api/v1/cases").then().statusCode(201).extract().path("id");

            Request delivery = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> received.stream().filter(r -> r.body().contains(caseId)).findFirst(), found -> found.isPresent())
                    .orElseThrow();

            assertDoesNotThrow(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()),
                    "the official Standard Webhooks library verifies the delivery with the secret as issued");
            JsonPath event = JsonPath.from(delivery.body());
            assertEquals("io.casework.case.opened", event.getString("type"));
            assertEquals(caseId, event.getString("data.caseId"));
            assertEquals("acme", event.getString("data.organization"));
            assertEquals(event.getString("id"), delivery.headers().get("webhook-id").getFirst());
            String deliveredId = webhookId;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(rita)
                    .get(Stack.GATEWAY + "/api/v1/notifications/webhooks/" + deliveredId + "/deliveries")
                    .then().statusCode(200)
                    .body("items.find { it.caseId == '" + caseId + "' }.status", equalTo("SUCCEEDED")));
        } finally {
            if (webhookId != null) {
                given().auth().oauth2(rita).delete(Stack.GATEWAY + "/api/v1/notifications/webhooks/" + webhookId)
                        .then().statusCode(204);
            }
            receiver.stop(0);
        }
    }

    @Test
    void evenTheDevelopmentStackRefusesACloudMetadataDestination() {
        given().auth().oauth2(Stack.token("rita@resellco.example")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
                .post(Stack.GATEWAY + "/api/v1/notifications/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("url: the host resolves to a cloud metadata address, which webhooks may not reach"));
    }

    /** Records the request with lower-case header names, as the library looks them up, and answers 204. */
    private static void answer(HttpExchange exchange, List<Request> received) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            received.add(new Request(headers, body));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
