package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PrioritySuggestionResourceTest {

    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");

    @Test
    void severalUsersUnableToWorkWithoutWorkaroundGetP1WithItsDefinition() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "SEVERAL", "serviceUsable": false, "workaroundExists": false}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(200)
                .body("priority", equalTo("P1"))
                .body("severity", equalTo("CRITICAL"))
                .body("level", equalTo(1))
                .body("definition", containsString("several users"))
                .body("example", containsString("mail delivery delays"));
    }

    @Test
    void unknownAnswerIsRejected() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "MANY", "serviceUsable": false, "workaroundExists": false}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingAnswersAreRejected() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE"}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("serviceUsable")))
                .body("violations.field", hasItem(containsString("workaroundExists")));
    }

    @Test
    void suggestionsNeedAToken() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE", "serviceUsable": false, "workaroundExists": false}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
