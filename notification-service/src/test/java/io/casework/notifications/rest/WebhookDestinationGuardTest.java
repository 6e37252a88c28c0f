package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.casework.notifications.WebhookReceiver;
import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookSignature;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The SSRF guard as production runs it (allow-private-destinations off): refused at registration, and again
 * before each attempt. Only literal addresses and this machine's loopback are used: nothing is ever sent elsewhere.
 */
@QuarkusTest
@TestProfile(WebhookDestinationGuardTest.Production.class)
class WebhookDestinationGuardTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("casework.notifications.webhooks.allow-private-destinations", "false");
        }
    }

    static final String WEBHOOKS = "/api/v1/notifications/webhooks";

    @ParameterizedTest
    @CsvSource({
            "https://127.0.0.1:8443/hooks, a loopback",
            "https://localhost/hooks, a loopback",
            "https://[::1]/hooks, a loopback",
            "https://10.20.30.40/hooks, a private",
            "https://192.168.0.10/hooks, a private",
            "https://[fd12::1]/hooks, a private",
            "https://169.254.10.10/hooks, a link-local",
            "https://100.64.0.10/hooks, a carrier-grade NAT",
            "https://169.254.169.254/latest/meta-data/, a cloud metadata",
            "https://[fd00:ec2::254]/latest/meta-data/, a cloud metadata",
            "https://0.0.0.0/hooks, an unspecified",
            "https://224.0.0.251/hooks, a multicast",
            "https://[::ffff:10.0.0.1]/hooks, a private" })
    void registrationOfANonPublicDestinationIsRefusedAs400ProblemJson(String url, String kind) {
        given().auth().oauth2(partnerToken("partner-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("url: the host resolves to " + kind + " address, which webhooks may not reach"));
    }

    @Test
    void plainHttpIsRefusedEvenToALocalReceiver() {
        given().auth().oauth2(partnerToken("partner-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9000/hooks"))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(equalTo("url")));
    }

    @Test
    void webhookStoredBeforeTheGuardExistedIsRefusedAtConnectTimeAndNothingReachesIt() {
        String partner = "partner-" + UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID id = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                Webhook webhook = new Webhook();
                webhook.id = id;
                webhook.organization = partner;
                webhook.url = receiver.url().replace("http://", "https://");
                webhook.eventTypes = "io.casework.case.opened";
                webhook.secret = WebhookSignature.newSecret();
                webhook.createdBy = "rita@" + partner + ".example";
                webhook.createdAt = Instant.now();
                webhook.persist();
            });

            given().auth().oauth2(partnerToken(partner)).post(WEBHOOKS + "/{id}/test", id).then().statusCode(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(partnerToken(partner))
                    .get(WEBHOOKS + "/{id}/deliveries", id)
                    .then().statusCode(200)
                    .body("items[0].status", equalTo("DEAD"))
                    .body("items[0].lastError",
                            equalTo("Destination refused: the host resolves to a loopback address, which webhooks may not reach")));
            assertEquals(0, receiver.all().size() + receiver.refused(), "no request reached the receiver");
        }
    }

    static String partnerToken(String partner) {
        return Tokens.of("rita@" + partner + ".example", partner, "partner");
    }
}
