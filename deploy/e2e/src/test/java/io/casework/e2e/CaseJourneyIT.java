package io.casework.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** A customer's case through the whole running system: gateway, Keycloak, case-, sla- and notification-service, SMTP. */
class CaseJourneyIT {

    @Test
    void customerFilesCaseSeesItAloneGetsSlaTargetAndConfirmationMail() {
        String alice = Stack.token("alice@acme.example");
        String carol = Stack.token("carol@globex.example");
        String subject = "E2E delivery delay " + UUID.randomUUID();

        var created = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .header("X-Request-Id", "e2e-" + UUID.randomUUID())
                .body("""
                        {"product": "Cloud Mail", "subject": "%s", "description": "Outgoing mail waits 30 minutes.",
                         "priority": "P2", "language": "fr"}""".formatted(subject))
                .post(Stack.GATEWAY + "/api/v1/cases")
                .then().statusCode(201).header("X-Request-Id", notNullValue())
                .body("organization", equalTo("acme")).extract();
        String id = created.path("id");
        String number = created.path("number");

        given().auth().oauth2(alice).get(Stack.GATEWAY + "/api/v1/cases/" + id).then().statusCode(200)
                .body("subject", equalTo(subject));
        given().auth().oauth2(carol).get(Stack.GATEWAY + "/api/v1/cases/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(Stack.GATEWAY + "/api/v1/cases/" + id).then().statusCode(401);

        // sla-service started the first-response clock and case-service shows its target.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(alice).get(Stack.GATEWAY + "/api/v1/cases/" + id).then().statusCode(200)
                        .body("firstResponseDueAt", notNullValue()));

        // notification-service mailed the contact, in the case's language, with the number in the subject.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> subjects = given().get(Stack.MAIL_API + "/api/user/alice@acme.example/messages/INBOX")
                    .then().statusCode(200).extract().path("subject");
            org.hamcrest.MatcherAssert.assertThat(subjects, hasItem(org.hamcrest.Matchers.containsString(number)));
        });
    }

    @Test
    void operationalEndpointsAreNotExposedThroughTheGateway() {
        given().get(Stack.GATEWAY + "/q/health").then().statusCode(404);
        given().get(Stack.GATEWAY + "/api/v1/cases/../../q/metrics").then().statusCode(404);
    }

    @Test
    void statusIsPublicThroughTheGateway() {
        given().get(Stack.GATEWAY + "/api/v1/status/products").then().statusCode(200);
    }
}
