package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.notifications.domain.Webhook;
import io.casework.notifications.domain.WebhookEventTypes;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
class WebhookResourceTest {

    static final String WEBHOOKS = "/api/v1/notifications/webhooks";
    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");

    @Test
    void partnerRegistersAWebhookForEveryCaseEventAndSeesTheSecretOnlyOnce() {
        String partner = "partner-" + UUID.randomUUID();
        String token = partnerToken(partner);

        var created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://" + partner + ".example/casework/events", "description", "PSA sync"))
                .post(WEBHOOKS)
                .then().statusCode(201)
                .header("Location", containsString(WEBHOOKS + "/"))
                .body("organization", equalTo(partner))
                .body("url", equalTo("https://" + partner + ".example/casework/events"))
                .body("eventTypes", equalTo(WebhookEventTypes.CASE_EVENTS))
                .body("description", equalTo("PSA sync"))
                .body("createdBy", equalTo("rita@" + partner + ".example"))
                // Standard base64 (with its padding) of 32 bytes, as the Standard Webhooks libraries decode it.
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(WEBHOOKS + "/" + id), created.header("Location"));
        given().auth().oauth2(token).get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id))
                .body("keySet()", not(hasItem("secret")));
        given().auth().oauth2(token).get(WEBHOOKS).then().statusCode(200)
                .body("id", equalTo(List.of(id)))
                .body("[0].keySet()", not(hasItem("secret")));
        given().auth().oauth2(OLGA).get(WEBHOOKS).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void partnerChoosesEventTypesWhichAreKeptOnceInTheCataloguesOrder() {
        String partner = "partner-" + UUID.randomUUID();
        given().auth().oauth2(partnerToken(partner)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://hooks.example/x", "eventTypes",
                        List.of("io.casework.case.closed", "io.casework.case.opened", "io.casework.case.closed")))
                .post(WEBHOOKS)
                .then().statusCode(201)
                .body("eventTypes", equalTo(List.of("io.casework.case.opened", "io.casework.case.closed")));
    }

    @Test
    void registrationRefusesPlainHttpUnknownEventTypesAndUnknownFields() {
        String token = partnerToken("partner-" + UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://partner.example/hooks", "eventTypes", List.of("io.casework.sla.breached")))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("url")))
                .body("violations.field", hasItem(containsString("eventTypes")));
        // Plain http is for a local receiver only, even where private destinations are allowed (as in %test).
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://partner.example/hooks"))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("url: plain http is accepted only for a receiver on a local or private address; use https"));
        // Cloud metadata stays out of reach in every setting.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/latest/meta-data/"))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("url: the host resolves to a cloud metadata address, which webhooks may not reach"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/hooks", "eventTypes", List.of()))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/hooks", "secret", "whsec_mine"))
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post(WEBHOOKS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anotherPartnerNeitherSeesNorTestsNorDeletesTheWebhook() {
        String owner = "partner-" + UUID.randomUUID();
        String id = register(owner);
        String other = partnerToken("partner-" + UUID.randomUUID());

        given().auth().oauth2(other).get(WEBHOOKS).then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(other).get(WEBHOOKS + "/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(404);
        given().auth().oauth2(other).post(WEBHOOKS + "/{id}/test", id).then().statusCode(404);
        given().auth().oauth2(other).delete(WEBHOOKS + "/{id}", id).then().statusCode(404);
        given().auth().oauth2(partnerToken(owner)).get(WEBHOOKS + "/{id}", id).then().statusCode(200);
    }

    @Test
    void partnerRotatesTheSecretOfItsWebhookAndNobodyElseCan() {
        String partner = "partner-" + UUID.randomUUID();
        String token = partnerToken(partner);
        var created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "https://" + partner + ".example/hooks"))
                .post(WEBHOOKS).then().statusCode(201).extract();
        String id = created.path("id");
        String first = created.path("secret");

        var rotated = given().auth().oauth2(token).post(WEBHOOKS + "/{id}/rotate-secret", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("previousSecretExpiresAt", notNullValue())
                .extract();
        String second = rotated.path("secret");
        assertNotEquals(first, second);
        Instant expires = Instant.parse(rotated.path("previousSecretExpiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).compareTo(Duration.ofHours(23)) > 0, expires.toString());
        Webhook stored = QuarkusTransaction.requiringNew().call(() -> Webhook.<Webhook>findById(UUID.fromString(id)));
        assertEquals(second, stored.secret);
        assertEquals(first, stored.previousSecret);
        assertEquals(List.of(second, first), stored.signingSecrets(Instant.now()));
        assertEquals(List.of(second), stored.signingSecrets(expires));
        given().auth().oauth2(token).get(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("keySet()", not(hasItem("secret")));

        given().auth().oauth2(partnerToken("partner-" + UUID.randomUUID())).post(WEBHOOKS + "/{id}/rotate-secret", id)
                .then().statusCode(404).contentType("application/problem+json");
        for (String other : List.of(ALICE, SAM, OLGA)) {
            given().auth().oauth2(other).post(WEBHOOKS + "/{id}/rotate-secret", id)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().post(WEBHOOKS + "/{id}/rotate-secret", id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).post(WEBHOOKS + "/{id}/rotate-secret", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void partnerRemovesItsWebhook() {
        String partner = "partner-" + UUID.randomUUID();
        String id = register(partner);

        given().auth().oauth2(partnerToken(partner)).delete(WEBHOOKS + "/{id}", id).then().statusCode(204);

        given().auth().oauth2(partnerToken(partner)).get(WEBHOOKS + "/{id}", id).then().statusCode(404);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Webhook.count("id", UUID.fromString(id))));
    }

    @Test
    void requestWithoutTokenIsRefusedAs401ProblemJson() {
        given().get(WEBHOOKS).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("url", "https://partner.example/hooks"))
                .post(WEBHOOKS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void onlyPartnersManageWebhooksAndOnlyTheyOpsAndAdminsReadThem() {
        String id = register("partner-" + UUID.randomUUID());
        for (String token : List.of(ALICE, SAM, OLGA)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", "https://partner.example/hooks"))
                    .post(WEBHOOKS).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).delete(WEBHOOKS + "/{id}", id).then().statusCode(403);
            given().auth().oauth2(token).post(WEBHOOKS + "/{id}/test", id).then().statusCode(403);
        }
        for (String token : List.of(ALICE, SAM)) {
            given().auth().oauth2(token).get(WEBHOOKS).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(403);
        }
        given().auth().oauth2(OLGA).get(WEBHOOKS + "/{id}/deliveries", id).then().statusCode(200);
    }

    @Test
    void partnerTokenWithoutOrganizationCannotRegister() {
        String token = OidcWiremockTestResource.generateJwtToken("bot@nowhere.example", Set.of("partner"), "bot@nowhere.example",
                null, Set.of(Tokens.AUDIENCE), Map.of("email", "bot@nowhere.example"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", "https://partner.example/hooks"))
                .post(WEBHOOKS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", endsWith("(claim org)"));
    }

    static String partnerToken(String partner) {
        return Tokens.of("rita@" + partner + ".example", partner, "partner");
    }

    static String register(String partner) {
        return given().auth().oauth2(partnerToken(partner)).contentType(ContentType.JSON)
                .body(Map.of("url", "https://" + partner + ".example/hooks"))
                .post(WEBHOOKS).then().statusCode(201).extract().path("id");
    }
}
