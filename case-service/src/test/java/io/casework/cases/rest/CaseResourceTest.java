package io.casework.cases.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CaseResourceTest {

    static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
    static final String CAROL = Tokens.of("carol@globex.example", "globex", "customer");

    static final String NEW_CASE = """
            {"product": "Cloud Mail", "subject": "Mail delivery delayed for all users",
             "description": "Every outgoing message waits 30 minutes.", "priority": "CRITICAL", "language": "fr"}
            """;

    @Test
    void customerFilesCaseThatIsPublishedAsCloudEventOnKafka() {
        String id = given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(NEW_CASE)
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/cases/"))
                .header("ETag", notNullValue())
                .body("number", matchesPattern("C-\\d{4}-\\d{6}"))
                .body("organization", equalTo("acme"))
                .body("priority", equalTo("P1"))
                .body("severity", equalTo("CRITICAL"))
                .body("state", equalTo("NEW"))
                .body("contactEmail", equalTo("alice@acme.example"))
                .body("channel", equalTo("PORTAL"))
                .extract().path("id");

        ConsumerRecord<String, String> record = EventTap.await("casework.case-events", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        assertEquals("io.casework.case.opened", event.path("type").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals("acme", event.path("data").path("organization").asText());
        assertEquals("fr", event.path("data").path("language").asText());
    }

    @Test
    void customerCannotSeeAnotherOrganizationsCase() {
        String id = given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(NEW_CASE)
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");

        given().auth().oauth2(ALICE).get("/api/v1/cases/" + id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(CAROL).get("/api/v1/cases/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body(NEW_CASE).post("/api/v1/cases").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        given().auth().oauth2(Tokens.forOtherAudience("alice@acme.example", "acme", "customer"))
                .contentType(ContentType.JSON).body(NEW_CASE).post("/api/v1/cases").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void statusPublisherCannotFileCases() {
        given().auth().oauth2(Tokens.of("olga@casework.example", "casework", "status-publisher", "ops"))
                .contentType(ContentType.JSON).body(NEW_CASE)
                .post("/api/v1/cases").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidCaseIsRejectedWithEveryViolationAndNothingIsWritten() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body("""
                        {"product": "", "subject": "x", "description": "y", "priority": "P2",
                         "contactEmail": "not-an-email", "language": "french"}
                        """)
                .post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("product")))
                .body("violations.field", hasItem(containsString("contactEmail")))
                .body("violations.field", hasItem(containsString("language")));
    }

    @Test
    void unknownPriorityIsRejected() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(NEW_CASE.replace("CRITICAL", "URGENT"))
                .post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFieldIsRejected() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(NEW_CASE.replace("\"product\"", "\"colour\": \"red\", \"product\""))
                .post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void customerCannotFileForAnotherOrganization() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(NEW_CASE.replace("\"product\"", "\"organization\": \"globex\", \"product\""))
                .post("/api/v1/cases").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void requestIdIsPassedThroughOrGenerated() {
        given().auth().oauth2(ALICE).header("X-Request-Id", "gw-1234").get("/api/v1/cases?limit=1")
                .then().statusCode(200).header("X-Request-Id", "gw-1234");
        given().auth().oauth2(ALICE).get("/api/v1/cases?limit=1")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
