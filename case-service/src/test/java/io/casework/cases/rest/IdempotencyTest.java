package io.casework.cases.rest;

import static io.casework.cases.CaseApi.RITA;
import static io.casework.cases.CaseApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.casework.cases.domain.Case;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdempotencyTest {

    @Test
    void retriedPartnerPostReturnsTheFirstCaseAndMakesNoSecond() {
        String key = UUID.randomUUID().toString();
        String subject = "Partner " + key;
        String body = """
                {"organization": "acme", "product": "Cloud Mail", "subject": "%s", "description": "From the partner API",
                 "priority": "P2"}""".formatted(subject);
        String first = as(RITA).header("Idempotency-Key", key).body(body).post("/api/v1/cases").then().statusCode(201)
                .body("channel", equalTo("PARTNER_API")).body("filedByReseller", equalTo("resellco"))
                .extract().path("id");
        as(RITA).header("Idempotency-Key", key).body(body).post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));

        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Case.count("subject", subject)));
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"organization": "acme", "product": "Cloud Mail", "subject": "One", "description": "x", "priority": "P2"}""";
        as(RITA).header("Idempotency-Key", key).body(body).post("/api/v1/cases").then().statusCode(201);
        as(RITA).header("Idempotency-Key", key).body(body.replace("One", "Two")).post("/api/v1/cases").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void integrationWithoutMailboxMustNameTheContact() {
        String integration = io.casework.testsupport.Tokens.of("service-account-partner-resellco", "resellco", "partner");
        io.restassured.RestAssured.given().auth().oauth2(integration).contentType("application/json").body("""
                {"organization": "acme", "product": "Cloud Mail", "subject": "No mailbox", "description": "x", "priority": "P3"}""")
                .post("/api/v1/cases").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("contactEmail"));
    }
}
