package io.casework.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.testsupport.openapi.OpenApiContract;
import io.casework.testsupport.openapi.OpenApiResponseValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** notification-service's OpenAPI document keeps the contract rules, and every answer in this module's tests is checked against it. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documentKeepsTheContractRules() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertEquals("3.0.3", document.path("openapi").asText());
        List<String> breaches = OpenApiContract.breaches(document);
        assertTrue(breaches.isEmpty(), String.join("\n", breaches));
    }

    @Test
    void everyAnswerOfTheseTestsIsValidatedAgainstTheDocument() {
        assertTrue(RestAssured.filters().contains(OpenApiResponseValidation.INSTANCE));
    }
}
