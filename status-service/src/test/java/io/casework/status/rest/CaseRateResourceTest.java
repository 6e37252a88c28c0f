package io.casework.status.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CaseRateResourceTest {

    @Test
    void agentSeesTwentyFourHourlyCountsOfAProductEvenWithoutCases() {
        given().auth().oauth2(Tokens.of("sam@casework.example", "casework", "agent"))
                .queryParam("product", "Admin Console")
                .get("/api/v1/status/case-rates")
                .then().statusCode(200)
                .body("product", contains("admin-console"))
                .body("[0].hours", hasSize(24))
                .body("[0].hours.cases", everyItem(equalTo(0)))
                .body("[0].total", equalTo(0));
    }

    @Test
    void customerCannotSeeCaseRates() {
        given().auth().oauth2(Tokens.of("alice@acme.example", "acme", "customer"))
                .get("/api/v1/status/case-rates").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void caseRatesAreNotPublic() {
        given().get("/api/v1/status/case-rates").then().statusCode(401).contentType("application/problem+json");
    }
}
