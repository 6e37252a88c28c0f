package io.casework.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** Partner integrations and "Me too" through the running system. */
class PartnerAndKnownIssueIT {

    @Test
    void partnerIntegrationFilesOnceWithIdempotencyKeyAndClientSeesIt() {
        String partner = Stack.clientToken("partner-resellco", "partner-resellco-secret");
        String key = UUID.randomUUID().toString();
        String body = """
                {"organization": "acme", "product": "Cloud Mail", "subject": "Partner %s", "description": "From the PSA tool",
                 "priority": "SEVERE", "contactEmail": "bob@acme.example"}""".formatted(key);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(body.replace(", \"contactEmail\": \"bob@acme.example\"", ""))
                .post(Stack.GATEWAY + "/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
        String id = given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(Stack.GATEWAY + "/api/v1/cases").then().statusCode(201)
                .body("channel", equalTo("PARTNER_API")).body("priority", equalTo("P2")).extract().path("id");
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(Stack.GATEWAY + "/api/v1/cases").then().statusCode(201).body("id", equalTo(id))
                .header("Idempotent-Replayed", "true");

        String alice = Stack.token("alice@acme.example");
        given().auth().oauth2(alice).queryParam("q", key).get(Stack.GATEWAY + "/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Stack.token("carol@globex.example")).get(Stack.GATEWAY + "/api/v1/cases/" + id)
                .then().statusCode(404);
    }

    @Test
    void meTooOnThePublishedKnownIssueOpensOneLinkedCase() {
        List<String> ids = given().get(Stack.GATEWAY + "/api/v1/status/incidents").then().statusCode(200)
                .extract().path("findAll { it.title == 'Delayed delivery of outgoing mail' }.id");
        String incident = ids.getFirst();
        String bob = Stack.token("bob@acme.example");
        given().auth().oauth2(bob).post(Stack.GATEWAY + "/api/v1/status/incidents/" + incident + "/subscriptions")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));
        given().auth().oauth2(bob).post(Stack.GATEWAY + "/api/v1/status/incidents/" + incident + "/subscriptions")
                .then().statusCode(200);

        // Bob's own cases, every page: on a long-running stack they are more than one page.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<java.util.Map<String, Object>> linked = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var page = given().auth().oauth2(bob).queryParam("limit", 100).queryParam("creator", "bob@acme.example")
                        .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                        .get(Stack.GATEWAY + "/api/v1/cases").then().statusCode(200).extract();
                List<java.util.Map<String, Object>> items = page.path("items.findAll { it.knownIssueId == '" + incident + "' }");
                linked.addAll(items);
                cursor = page.path("nextCursor");
            } while (cursor != null);
            org.hamcrest.MatcherAssert.assertThat(linked.stream().filter(c -> "bob@acme.example".equals(c.get("contactEmail"))).toList(),
                    hasSize(1));
            org.hamcrest.MatcherAssert.assertThat(linked.getFirst().get("number"), notNullValue());
        });
    }
}
