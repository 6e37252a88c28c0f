package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PriorityResourceTest {

    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");

    @Test
    void listsBothSchemesWithTheSeedsTextsInEnglishFrenchAndDutch() {
        given().auth().oauth2(BOB).get("/api/v1/sla/priorities").then().statusCode(200)
                .body("schemes.id", equalTo(List.of("P", "SEVERITY")))
                .body("schemes[1].names", equalTo(List.of("CRITICAL", "SEVERE", "MODERATE", "MINOR")))
                .body("levels", hasSize(4))
                .body("levels[0].level", equalTo(1))
                .body("levels[0].p", equalTo("P1"))
                .body("levels[0].severity", equalTo("CRITICAL"))
                .body("levels[0].texts.en.example", containsString("mail delivery delays"))
                .body("levels[0].texts.fr.severityName", equalTo("Critique"))
                .body("levels[0].texts.fr.example", startsWith("Retards généralisés"))
                .body("levels[1].texts.fr.example", containsString("\"Erreur 500\""))
                .body("levels[2].texts.nl.definition", equalTo(
                        "Het product werkt niet naar behoren, maar er is een tijdelijke oplossing."))
                .body("levels[2].texts.nl.source", containsString("seed 001"))
                .body("levels[3].texts.nl.severityName", equalTo("Gering"))
                .body("levels[3].texts.fr.definition", startsWith("Le produit fonctionne, mais pas de la manière souhaitée"))
                .body("suggestionRules.id", hasItem("WORKS_NOT_AS_WISHED"));
    }

    @Test
    void usableProductNotWorkingAsExpectedWithoutWorkaroundIsSevereAndNamesItsRule() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "SEVERAL", "serviceUsable": true, "workaroundExists": false,
                         "worksAsExpected": false}
                        """)
                .post("/api/v1/sla/priorities/suggest")
                .then().statusCode(200)
                .body("priority", equalTo("P2"))
                .body("severity", equalTo("SEVERE"))
                .body("level", equalTo(2))
                .body("rule.id", equalTo("NOT_WORKING_NO_WORKAROUND"))
                .body("rule.description", containsString("no acceptable workaround"));
    }

    @Test
    void severalUsersLockedOutWithoutWorkaroundIsCritical() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ALL", "serviceUsable": false, "workaroundExists": false,
                         "worksAsExpected": false}
                        """)
                .post("/api/v1/sla/priorities/suggest")
                .then().statusCode(200)
                .body("priority", equalTo("P1"))
                .body("rule.id", equalTo("UNUSABLE_FOR_SEVERAL_USERS"));
    }

    @Test
    void suggestNeedsAllFourAnswers() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE", "serviceUsable": true, "workaroundExists": false}
                        """)
                .post("/api/v1/sla/priorities/suggest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("worksAsExpected")));
    }

    @Test
    void unknownFieldsAreRejected() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE", "serviceUsable": true, "workaroundExists": false,
                         "worksAsExpected": true, "urgent": true}
                        """)
                .post("/api/v1/sla/priorities/suggest")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOriginalRouteIsAnAliasThatAlsoNamesTheRule() {
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE", "serviceUsable": true, "workaroundExists": false}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(200)
                .body("priority", equalTo("P4"))
                .body("rule.id", equalTo("WORKS_NOT_AS_WISHED"));
        given().auth().oauth2(BOB).contentType(ContentType.JSON)
                .body("""
                        {"usersAffected": "ONE", "serviceUsable": true, "workaroundExists": false,
                         "worksAsExpected": false}
                        """)
                .post("/api/v1/sla/priority-suggestions")
                .then().statusCode(200)
                .body("priority", equalTo("P2"));
    }

    @Test
    void prioritiesNeedAToken() {
        given().get("/api/v1/sla/priorities").then().statusCode(401).contentType("application/problem+json");
    }
}
